using BenchmarkDotNet.Running;

namespace SplitGym.Benchmarks;

/// <summary>Runs the benchmark suites selected on the command line (BenchmarkDotNet switcher).</summary>
public static class Program
{
    /// <summary>Entry point; pass <c>--filter</c> to choose suites.</summary>
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
