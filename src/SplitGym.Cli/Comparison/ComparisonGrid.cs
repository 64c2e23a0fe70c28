using SplitGym.Envs.Channel;
using SplitGym.Envs.Registration;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// Builds the run list of a comparison on the paper's envs: the main grid (agents × channel cases ×
/// action half-widths K × seeds); on one focus case, the action-size study of the paper's Fig. 8 (the
/// sweep agents with K = 1, 2, 3, i.e. 3, 5 and 7 actions) and the model-based agents at K = 1 (for
/// the evaluations-versus-score figure); and the grid's baselines on every focus env as references.
/// A run in several parts is run once. Order: env (case, then K), then agent in the order given, then seed.
/// </summary>
public static class ComparisonGrid
{
    /// <summary>The action half-widths of the paper's Fig. 8 (3, 5 and 7 actions).</summary>
    public static IReadOnlyList<int> SweepActionHalfWidths { get; } = [1, 2, 3];

    /// <summary>The runs of the grid, the sweep and the model-based agents.</summary>
    /// <param name="agents">Agents of the main grid.</param>
    /// <param name="cases">Channel cases of the main grid.</param>
    /// <param name="actionHalfWidths">K values of the main grid.</param>
    /// <param name="seeds">Seeds of every run.</param>
    /// <param name="sweepAgents">Agents that also run K = 1, 2, 3 on <paramref name="focusCase"/> (empty: no sweep).</param>
    /// <param name="modelBased">Agents that also run K = 1 on <paramref name="focusCase"/> (empty: none).</param>
    /// <param name="modelBasedSeeds">Seeds of the model-based runs (each costs minutes: its policy trains on its learned env).</param>
    /// <param name="focusCase">The case of the sweep and of the model-based agents.</param>
    public static IReadOnlyList<RunKey> Build(
        IReadOnlyList<string> agents, IReadOnlyList<ChannelCase> cases, IReadOnlyList<int> actionHalfWidths, IReadOnlyList<int> seeds,
        IReadOnlyList<string> sweepAgents, IReadOnlyList<string> modelBased, IReadOnlyList<int> modelBasedSeeds, ChannelCase focusCase)
    {
        var cells = new List<(ChannelCase Case, int K, string Agent)>();
        cells.AddRange(from c in cases from k in actionHalfWidths from a in agents select (c, k, a));
        cells.AddRange(from k in SweepActionHalfWidths from a in sweepAgents select (focusCase, k, a));
        var focusKs = cells.Where(c => c.Case == focusCase).Select(c => c.K).Concat(modelBased.Count > 0 ? [1] : []).Distinct().ToList();
        cells.AddRange(from k in focusKs from a in agents.Where(a => !AgentCatalog.Learns(a)) select (focusCase, k, a));
        var runs = cells.Distinct().Select(cell => (Cell: cell, Seeds: seeds))
            .Concat(modelBased.Select(a => (Cell: (Case: focusCase, K: 1, Agent: a), Seeds: modelBasedSeeds)))
            .DistinctBy(run => run.Cell);
        var agentOrder = agents.Concat(sweepAgents).Concat(modelBased).Distinct().ToList();
        return [.. runs.OrderBy(run => run.Cell.Case).ThenBy(run => run.Cell.K).ThenBy(run => agentOrder.IndexOf(run.Cell.Agent))
            .SelectMany(run => run.Seeds.Select(seed => new RunKey(run.Cell.Agent, SplitInferenceRegistration.CaseId(run.Cell.Case, run.Cell.K), seed)))];
    }

    /// <summary>The runs of <paramref name="agents"/> × <paramref name="seeds"/> on one env id (any registered env).</summary>
    public static IReadOnlyList<RunKey> SingleEnv(IReadOnlyList<string> agents, string envId, IReadOnlyList<int> seeds) =>
        [.. from a in agents from s in seeds select new RunKey(a, envId, s)];
}
