namespace SplitGym.Core.Vector;

/// <summary>What a vector env does when a sub-environment's episode ends (Gymnasium 1.x <c>AutoresetMode</c>).</summary>
public enum AutoresetMode
{
    /// <summary>
    /// The step that ends the episode returns its final observation; the next <c>Step</c> resets
    /// that sub-env instead of stepping it (its action is ignored) and returns the reset
    /// observation with reward 0 and both flags false. Gymnasium's default.
    /// </summary>
    NextStep,

    /// <summary>
    /// The step that ends the episode resets the sub-env at once and returns the reset observation;
    /// the final observation and info are kept in <c>FinalObservations</c>/<c>FinalInfos</c>.
    /// </summary>
    SameStep,

    /// <summary>
    /// No automatic reset; call <c>Reset</c> with a mask of the sub-envs to reset. Stepping while a
    /// sub-env's episode has ended and it was not reset throws <see cref="ResetNeededException"/>
    /// naming it, as Gymnasium 1.1+ refuses to step it.
    /// </summary>
    Disabled,
}
