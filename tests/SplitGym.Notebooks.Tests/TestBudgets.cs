namespace SplitGym.Notebooks.Tests;

/// <summary>
/// The parameter overrides the notebook test runs each notebook with (small budgets, so all four finish in
/// about two minutes on an idle 2-core machine), and what each notebook must show under them.
/// </summary>
public static class TestBudgets
{
    /// <summary>Overrides for <paramref name="notebook"/>; figures go to <paramref name="scratch"/>.</summary>
    /// <remarks>
    /// With the environment variable <c>SPLITGYM_NOTEBOOK_DEFAULTS=1</c> only the output folders are overridden, so the
    /// notebooks run with their own default budgets (how their default run times in notebooks/README.md are measured).
    /// </remarks>
    public static IReadOnlyDictionary<string, string> For(string notebook, string scratch)
    {
        var overrides = SmallBudgets(notebook, Quoted(scratch));
        if (Environment.GetEnvironmentVariable("SPLITGYM_NOTEBOOK_DEFAULTS") != "1") return overrides;
        return overrides.Where(pair => pair.Key.EndsWith("Folder", StringComparison.Ordinal)).ToDictionary();
    }

    private static IReadOnlyDictionary<string, string> SmallBudgets(string notebook, string folder)
    {
        return notebook switch
        {
            "01-splitting-analysis.ipynb" => new Dictionary<string, string> { ["figureFolder"] = folder },
            "02-train-and-compare.ipynb" => new Dictionary<string, string>
            {
                ["seeds"] = "[0]", ["trainingSteps"] = "6_144", ["scoreInterval"] = "2_048", ["evaluationEpisodes"] = "10",
                ["mbrlBudget"] = "72", ["mbrlInnerSteps"] = "4_096", ["mbrlInnerStepsPerRound"] = "2_048", ["figureFolder"] = folder,
            },
            "03-policy-map.ipynb" => new Dictionary<string, string>
            {
                ["trainingSteps"] = "6_144", ["sigmaPoints"] = "9", ["figureFolder"] = folder,
            },
            "04-action-spaces.ipynb" => new Dictionary<string, string>
            {
                ["seeds"] = "[0]", ["trainingSteps"] = "4_096", ["evaluationEpisodes"] = "10", ["runsFolder"] = folder,
            },
            _ => throw new ArgumentException($"No test budget for notebook '{notebook}'; add one to {nameof(TestBudgets)}.", nameof(notebook)),
        };
    }

    /// <summary>How many inline PNG figures <paramref name="notebook"/> shows with its test budget.</summary>
    public static int Figures(string notebook) => notebook switch
    {
        "01-splitting-analysis.ipynb" => 5,   // three perplexity-vs-split plots, the p* heatmap, the erasure plot
        "02-train-and-compare.ipynb" => 2,    // learning curves, evaluations vs score
        "03-policy-map.ipynb" => 1,
        "04-action-spaces.ipynb" => 1,
        _ => throw new ArgumentException($"No figure count for notebook '{notebook}'.", nameof(notebook)),
    };

    /// <summary>Text each notebook's outputs must contain: evidence that its main step ran to the end.</summary>
    public static IReadOnlyList<string> Evidence(string notebook) => notebook switch
    {
        "01-splitting-analysis.ipynb" => ["λ = 0.501", "SplitGym assemblies loaded from"],
        "02-train-and-compare.ipynb" => ["ppo   seed 0:", "dqn   seed 0:", "mbrl  seed 0:"],
        "03-policy-map.ipynb" => ["PPO trained for", "m = 0.5:", "m = 8:"],
        "04-action-spaces.ipynb" => ["SplitInference-A-k1-v0 seed 0", "SplitInference-A-k3-v0 seed 0"],
        _ => throw new ArgumentException($"No evidence for notebook '{notebook}'.", nameof(notebook)),
    };

    private static string Quoted(string text) => "@\"" + text.Replace("\"", "\"\"") + "\"";
}
