namespace SplitGym.Core.Vector;

/// <summary>The batched operation a vector env's runner executes on its sub-envs.</summary>
public enum VectorCommand
{
    /// <summary>Reset the sub-envs selected by the reset mask.</summary>
    Reset,

    /// <summary>Step every sub-env with its action.</summary>
    Step,
}
