using SplitGym.Core;
using SplitGym.Core.Registration;
using SplitGym.Core.Vector;

namespace SplitGym.Agents.Training;

/// <summary>Builds the vector envs agents learn from (synchronous, <see cref="AutoresetMode.Disabled"/>: the agent resets finished sub-envs).</summary>
public static class AgentEnvs
{
    /// <summary><paramref name="numEnvs"/> copies of a registered env.</summary>
    public static VectorEnv Make(string id, int numEnvs, Registry? registry = null, IReadOnlyDictionary<string, object?>? overrides = null) =>
        (registry ?? Registry.Default).MakeVec(id, numEnvs, VectorMode.Sync, AutoresetMode.Disabled, overrides);

    /// <summary>
    /// A vector env over the given envs (e.g. constructed directly; they must end episodes by themselves). Envs must
    /// implement <see cref="IArrayEnv"/>, as every env derived from <see cref="ArrayEnv"/> does, wrapped or not:
    /// agents step them through preallocated arrays and replay their episodes from their generator for checkpoints,
    /// which a plain <see cref="Env{TObs, TAct}"/> does not offer.
    /// </summary>
    public static VectorEnv Of(IEnumerable<IArrayEnv> envs) => new SyncVectorEnv([.. envs], AutoresetMode.Disabled);

    /// <summary>
    /// A one-env vector env, to learn from a single <paramref name="env"/> (agents take vector envs so that one loop
    /// serves one env and many; with one env each vector step is one env step).
    /// </summary>
    public static VectorEnv Of(IArrayEnv env) => Of([env]);
}
