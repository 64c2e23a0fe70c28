using SplitGym.Agents.ModelBased;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// The order in which a comparison hands its pending runs to the workers: longest first, so the long runs overlap
/// the many short ones instead of running alone at the end (with the defaults, the model-based run takes about five
/// minutes and would otherwise start last). Results do not depend on the order; only the wall time does.
/// </summary>
public static class RunSchedule
{
    /// <summary>
    /// 0 for a model-based agent (it trains inner agents every round: minutes), 1 for a model-free learner (trains once:
    /// tens of seconds), 2 for a baseline (only evaluates); lower ranks start first.
    /// </summary>
    public static int Rank(string agent) =>
        ModelBasedAgents.IsModelBased(agent) ? 0 : AgentCatalog.Learns(agent) ? 1 : 2;

    /// <summary>The indices <paramref name="pending"/> of <paramref name="runs"/> in the order to start them; plan order within a rank.</summary>
    public static IReadOnlyList<int> Order(IReadOnlyList<RunKey> runs, IEnumerable<int> pending) =>
        [.. pending.OrderBy(i => Rank(runs[i].Agent))];
}
