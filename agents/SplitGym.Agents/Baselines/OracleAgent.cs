using System.Text.Json.Nodes;
using SplitGym.Envs;

namespace SplitGym.Agents.Baselines;

/// <summary>
/// The "perfect" end of the scale: reads the env's exact best split p* for the current channel
/// (<see cref="SplitInferenceEnv.OracleSplit"/>) and moves towards it at full speed. With the channel
/// fixed over an episode and a unimodal expected reward in p this is the planning oracle's policy, so
/// its normalised score is 1 up to ties. With an action mask it takes the allowed move that lands closest to
/// p* (<see cref="SplitMove.Towards(int, int, int, ReadOnlySpan{bool})"/>), which is no longer the oracle's policy.
/// </summary>
/// <param name="env">The env being acted in (the agent reads its current p*); must be the env passed to the evaluation, unwrapped.</param>
public sealed class OracleAgent(SplitInferenceEnv env) : BaselineAgent
{
    /// <inheritdoc />
    public override string Name => "Oracle";

    /// <inheritdoc />
    protected override JsonObject Parameters => new() { ["max_move"] = env.Options.MaxMove };

    /// <inheritdoc />
    public override int Predict(ReadOnlySpan<float> observation, bool deterministic = true, ReadOnlySpan<bool> actionMask = default) =>
        SplitMove.Towards(SplitMove.SplitOf(observation), env.OracleSplit, env.Options.MaxMove, actionMask);
}
