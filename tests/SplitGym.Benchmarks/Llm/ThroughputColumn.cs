using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SplitGym.Benchmarks.Llm;

/// <summary>
/// Derived columns of <see cref="LlmPerplexityBenchmarks"/>: scored tokens per second, achieved FLOP rate
/// (from the analytic <see cref="SplitGym.Llm.Cost.FlopModel"/>), and that rate as a fraction of the
/// 1024² matmul rate measured for the same parameters in the same run.
/// </summary>
public sealed class ThroughputColumn(ThroughputColumn.Kind kind) : IColumn
{
    /// <summary>Which figure the column shows.</summary>
    public enum Kind
    {
        /// <summary>Scored tokens per second of an evaluation.</summary>
        TokensPerSecond,

        /// <summary>Achieved GFLOP/s (evaluations) or measured GFLOP/s (matmul).</summary>
        GigaflopsPerSecond,

        /// <summary>An evaluation's GFLOP/s over the matmul GFLOP/s of the same parameter row.</summary>
        FractionOfMatMulPeak,
    }

    /// <inheritdoc />
    public string Id => nameof(ThroughputColumn) + kind;

    /// <inheritdoc />
    public string ColumnName => kind switch
    {
        Kind.TokensPerSecond => "tok/s",
        Kind.GigaflopsPerSecond => "GFLOP/s",
        _ => "% of matmul",
    };

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var seconds = MeanSeconds(summary, benchmarkCase);
        if (seconds is null) return "-";
        var model = (string)benchmarkCase.Parameters["Model"];
        var isMatMul = benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(LlmPerplexityBenchmarks.MatMul1024);
        var gflops = (isMatMul ? BenchmarkModels.MatMulFlops : BenchmarkModels.FlopsPerEvaluation(model)) / seconds.Value / 1e9;
        return kind switch
        {
            Kind.TokensPerSecond => isMatMul ? "-" : (BenchmarkModels.ScoredTokensPerEvaluation / seconds.Value).ToString("F0"),
            Kind.GigaflopsPerSecond => gflops.ToString("F1"),
            _ => isMatMul ? "-" : FractionOfPeak(summary, benchmarkCase, gflops),
        };
    }

    private static string FractionOfPeak(Summary summary, BenchmarkCase evaluation, double gflops)
    {
        var matMul = summary.BenchmarksCases.FirstOrDefault(other =>
            other.Descriptor.WorkloadMethod.Name == nameof(LlmPerplexityBenchmarks.MatMul1024) && other.Parameters.DisplayInfo == evaluation.Parameters.DisplayInfo);
        var peakSeconds = matMul is null ? null : MeanSeconds(summary, matMul);
        return peakSeconds is null ? "-" : (gflops / (BenchmarkModels.MatMulFlops / peakSeconds.Value / 1e9)).ToString("P0");
    }

    /// <summary>Mean time of one operation in seconds, or null if the case did not run.</summary>
    private static double? MeanSeconds(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Mean is { } nanoseconds ? nanoseconds / 1e9 : null;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => (int)kind;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => kind switch
    {
        Kind.TokensPerSecond => "Scored tokens per second of one perplexity evaluation (channel in the loop)",
        Kind.GigaflopsPerSecond => "Achieved GFLOP/s (analytic FLOP count of the forward pass / mean time)",
        _ => "Achieved GFLOP/s as a fraction of the 1024x1024 float32 matmul GFLOP/s of the same row",
    };
}
