namespace SplitGym.Core.Checking;

/// <summary>An environment violates the API where Gymnasium's checker raises; the message says what and what was expected.</summary>
public sealed class EnvCheckException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EnvCheckException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
