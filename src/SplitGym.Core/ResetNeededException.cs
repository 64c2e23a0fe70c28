namespace SplitGym.Core;

/// <summary>
/// Raised when an env is stepped (or rendered) before its first <c>Reset</c> (Gymnasium's
/// <c>ResetNeeded</c>), or when a vector env without autoreset is stepped while a sub-env's episode
/// has ended: in both cases there is no state to step from until a reset.
/// </summary>
public sealed class ResetNeededException : InvalidOperationException
{
    /// <summary>Creates the exception with a message saying which call came too early.</summary>
    public ResetNeededException(string message) : base(message)
    {
    }
}
