using SplitGym.Envs.Channel;
using SplitGym.Envs.Registration;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// Builds the run list of a comparison on the paper's envs: the main grid (agents × channel cases ×
/// action half-widths K × seeds) plus the action-size study of the paper's Fig. 8 (the sweep agents,
/// and the baselines as references, on one case with K = 1, 2, 3, i.e. 3, 5 and 7 actions). A run in
/// both is run once. Order: env (case, then K), then agent in the order given, then seed.
/// </summary>
public static class ComparisonGrid
{
    /// <summary>The action half-widths of the paper's Fig. 8 (3, 5 and 7 actions).</summary>
    public static IReadOnlyList<int> SweepActionHalfWidths { get; } = [1, 2, 3];

    /// <summary>The runs of the grid and the sweep.</summary>
    /// <param name="agents">Agents of the main grid.</param>
    /// <param name="cases">Channel cases of the main grid.</param>
    /// <param name="actionHalfWidths">K values of the main grid.</param>
    /// <param name="seeds">Seeds of every run.</param>
    /// <param name="sweepAgents">Agents that also run K = 1, 2, 3 on <paramref name="sweepCase"/> (empty: no sweep).</param>
    /// <param name="sweepCase">The case of the action-size study.</param>
    public static IReadOnlyList<RunKey> Build(
        IReadOnlyList<string> agents, IReadOnlyList<ChannelCase> cases, IReadOnlyList<int> actionHalfWidths, IReadOnlyList<int> seeds,
        IReadOnlyList<string> sweepAgents, ChannelCase sweepCase)
    {
        var cells = new List<(ChannelCase Case, int K, string Agent)>();
        cells.AddRange(from c in cases from k in actionHalfWidths from a in agents select (c, k, a));
        if (sweepAgents.Count > 0)
        {
            var sweepers = sweepAgents.Concat(agents.Where(a => !AgentCatalog.Learns(a))).ToList();
            cells.AddRange(from k in SweepActionHalfWidths from a in sweepers select (sweepCase, k, a));
        }
        var agentOrder = agents.Concat(sweepAgents).Distinct().ToList();
        return [.. cells.Distinct()
            .OrderBy(cell => cell.Case).ThenBy(cell => cell.K).ThenBy(cell => agentOrder.IndexOf(cell.Agent))
            .SelectMany(cell => seeds.Select(seed => new RunKey(cell.Agent, SplitInferenceRegistration.CaseId(cell.Case, cell.K), seed)))];
    }

    /// <summary>The runs of <paramref name="agents"/> × <paramref name="seeds"/> on one env id (any registered env).</summary>
    public static IReadOnlyList<RunKey> SingleEnv(IReadOnlyList<string> agents, string envId, IReadOnlyList<int> seeds) =>
        [.. from a in agents from s in seeds select new RunKey(a, envId, s)];
}
