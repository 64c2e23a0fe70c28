using System.Globalization;
using System.Text;
using SplitGym.Core;
using SplitGym.Core.Wrappers;
using SplitGym.Envs;
using SplitGym.Llm.IO;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// Records, for each episode played through it on a split-inference env, the channel (σ, m) and the
/// split the agent ended on, with the oracle's split for the same channel: the data of the paper's
/// Fig. 7 (split chosen by a trained agent across noise intensities). The observation is
/// <c>[σ, m, p]</c>, so the last observation of an episode carries the channel and the final split.
/// </summary>
/// <param name="inner">The evaluation env.</param>
public sealed class PolicyRecorder(Env<float[], int> inner) : Wrapper<float[], int>(inner)
{
    private readonly List<(double Sigma, double Shape, double Split, double OracleSplit)> _episodes = [];

    /// <summary>The CSV header of <see cref="Save"/>: σ in hidden-state units, Nakagami m, split points in layers.</summary>
    public const string Header = "sigma,m,final_split,oracle_split";

    /// <summary>True when the wrapped env is a split-inference env (otherwise nothing is recorded).</summary>
    public bool Records => Inner.Unwrapped is SplitInferenceEnv;

    /// <inheritdoc />
    public override StepResult<float[]> Step(int action)
    {
        var step = Inner.Step(action);
        if (Records && (step.Terminated || step.Truncated))
        {
            double oracle = step.Info.TryGetValue(SplitInferenceInfo.OracleSplit, out var value) && value is double p ? p : double.NaN;
            _episodes.Add((step.Observation[0], step.Observation[1], step.Observation[2], oracle));
        }
        return step;
    }

    /// <summary>Writes one row per recorded episode to <paramref name="path"/> atomically.</summary>
    public void Save(string path)
    {
        var text = new StringBuilder().AppendLine(Header);
        foreach (var (sigma, shape, split, oracle) in _episodes)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{sigma:R},{shape:R},{split:R},{oracle:R}"));
        AtomicFile.WriteAllText(path, text.ToString());
    }
}
