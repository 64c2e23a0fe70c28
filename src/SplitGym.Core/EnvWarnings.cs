namespace SplitGym.Core;

/// <summary>
/// Where SplitGym's runtime warnings go (Gymnasium's <c>logger.warn</c>): to subscribers of
/// <see cref="Emitted"/> when there are any, otherwise to standard error, so a suspicious env is
/// reported without stopping the run.
/// </summary>
public static class EnvWarnings
{
    /// <summary>Raised for every warning; when no handler is attached, warnings are written to standard error.</summary>
    public static event Action<string>? Emitted;

    /// <summary>Reports <paramref name="message"/>.</summary>
    public static void Emit(string message)
    {
        var handlers = Emitted;
        if (handlers is null)
        {
            Console.Error.WriteLine($"SplitGym warning: {message}");
        }
        else
        {
            handlers(message);
        }
    }
}
