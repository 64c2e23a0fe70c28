using System.Diagnostics;

namespace SplitGym.Cli;

/// <summary>
/// Runs the command line in a child process whose garbage collector has a large generation-0 budget.
/// </summary>
/// <remarks>
/// Why: TorchSharp 0.107 converts doubles to native <c>Scalar</c>s in temporaries that nothing keeps
/// alive during the native call (for example the <c>alpha</c> of <c>tensor + tensor</c>). When another
/// thread triggers a garbage collection at that moment, the finalizer can free the scalar while libtorch
/// reads it, and the call fails with <c>c10::Scalar::toFloat</c>/<c>toDouble</c> "Expected false to be true".
/// <c>compare</c> trains several agents on threads of one process, which made this happen within minutes.
/// SplitGym's own code creates its scalars explicitly (see <c>SplitGym.Llm.Optimization.SafeOptimizers</c>), but
/// TorchSharp's operators cannot be changed from here, so the process makes collections rare instead:
/// <c>DOTNET_GCgen0size</c> (read only from the environment at start-up, hence the relaunch) of 256 MiB cut
/// gen-0 collections about 60-fold in a measured allocation loop. Set the variable yourself to skip the relaunch.
/// </remarks>
internal static class LargeGen0Relaunch
{
    /// <summary>The runtime's environment variable for the gen-0 budget.</summary>
    internal const string Variable = "DOTNET_GCgen0size";

    /// <summary>256 MiB, in the hexadecimal form the runtime expects.</summary>
    internal const string Budget = "0x10000000";

    /// <summary>Runs <paramref name="args"/> in the relaunched child and returns its exit code, or null when this process already has the budget.</summary>
    public static int? Run(string[] args)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not null || Environment.ProcessPath is not string host) return null;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in args) start.ArgumentList.Add(argument);
        start.Environment[Variable] = Budget;
        Console.CancelKeyPress += (_, press) => press.Cancel = true; // the child gets Ctrl+C too and stops cleanly; wait for it
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not relaunch '{host}'.");
        child.WaitForExit();
        return child.ExitCode;
    }
}
