using System.Text.Json.Nodes;

namespace SplitGym.Agents.Baselines;

/// <summary>
/// Moves the split to one fixed layer and stays there whatever the channel: the best a non-adaptive
/// deployment can do (pick the split with the best average reward over the case). With an action mask
/// it takes the allowed move that lands closest to its split (<see cref="SplitMove.Towards(int, int, int, ReadOnlySpan{bool})"/>).
/// </summary>
/// <param name="split">The layer to run at.</param>
/// <param name="maxMove">The env's K (actions are Discrete(2K + 1)).</param>
public sealed class FixedSplitAgent(int split, int maxMove) : BaselineAgent
{
    /// <inheritdoc />
    public override string Name => "FixedSplit";

    /// <inheritdoc />
    protected override JsonObject Parameters => new() { ["split"] = split, ["max_move"] = maxMove };

    /// <inheritdoc />
    public override int Predict(ReadOnlySpan<float> observation, bool deterministic = true, ReadOnlySpan<bool> actionMask = default) =>
        SplitMove.Towards(SplitMove.SplitOf(observation), split, maxMove, actionMask);
}
