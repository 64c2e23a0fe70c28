namespace SplitGym.Core;

/// <summary>Raised when an env is stepped (or rendered) before its first <c>Reset</c> (Gymnasium's <c>ResetNeeded</c>).</summary>
public sealed class ResetNeededException : InvalidOperationException
{
    /// <summary>Creates the exception with a message saying which call came too early.</summary>
    public ResetNeededException(string message) : base(message)
    {
    }
}
