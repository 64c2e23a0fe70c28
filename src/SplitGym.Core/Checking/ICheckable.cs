namespace SplitGym.Core.Checking;

/// <summary>Lets <see cref="EnvChecker.Check(IEnv, bool, bool)"/> recover an env's observation and action types.</summary>
internal interface ICheckable
{
    /// <summary>Whether the env has been reset since construction (the checker probes Step before Reset only on a fresh env).</summary>
    bool ResetCalled { get; }

    /// <summary>Runs <see cref="EnvChecker.Check{TObs, TAct}"/> on this env with its own type arguments.</summary>
    IReadOnlyList<string> RunEnvChecker(bool skipRenderCheck, bool skipCloseCheck);
}
