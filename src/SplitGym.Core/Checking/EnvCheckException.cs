namespace SplitGym.Core.Checking;

/// <summary>An environment violates the API where Gymnasium's checker raises; the message says what and what was expected.</summary>
public sealed class EnvCheckException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EnvCheckException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    private EnvCheckException(string message, Exception? inner, IReadOnlyList<string> warnings) : base(message, inner) =>
        Warnings = warnings;

    /// <summary>
    /// The checker's warnings raised before this error (empty when none). They often explain it,
    /// e.g. "The reward is a NaN value." before a failed reward-determinism comparison.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; } = [];

    /// <summary>The same error with <paramref name="warnings"/> attached and listed after the message.</summary>
    internal EnvCheckException WithWarnings(IReadOnlyList<string> warnings) =>
        new($"{Message}{Environment.NewLine}Warnings raised before this error:{string.Concat(warnings.Select(w => $"{Environment.NewLine}- {w}"))}", InnerException, [.. warnings]);
}
