namespace SplitGym.Core.Vector;

/// <summary>Runs the sub-envs one after another on the calling thread (Gymnasium's <c>SyncVectorEnv</c>); the cheapest choice for fast envs.</summary>
public sealed class SyncVectorEnv : VectorEnv
{
    /// <summary>Batches <paramref name="envs"/> (taking ownership) with the given autoreset mode.</summary>
    public SyncVectorEnv(IReadOnlyList<IArrayEnv> envs, AutoresetMode autoreset = AutoresetMode.NextStep) : base(envs, autoreset)
    {
    }

    /// <inheritdoc />
    protected override void Run(VectorCommand command) => Execute(command, 0, NumEnvs);
}
