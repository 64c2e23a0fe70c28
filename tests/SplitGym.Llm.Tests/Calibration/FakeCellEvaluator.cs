using SplitGym.Llm.Calibration;

namespace SplitGym.Llm.Tests.Calibration;

/// <summary>
/// Cheap deterministic evaluator: perplexity = 3 + split·intensity + 1/(1+shape), times a seeded
/// multiplicative jitter of ±<see cref="RelativeSpread"/>. Records every cell it was asked for and can
/// "crash" (throw) when asked to start a cell after a given number of cells, like a killed process.
/// </summary>
internal sealed class FakeCellEvaluator(double relativeSpread = 0.03, int crashAfterCells = int.MaxValue) : ICellEvaluator
{
    public const double Clean = 3.0;

    public double RelativeSpread { get; } = relativeSpread;

    public int CrashAfterCells { get; } = crashAfterCells;

    public List<(int Split, double Intensity, double Shape)> CellsStarted { get; } = [];

    public List<int> SplitsOpened { get; } = [];

    public int TokensPerRepeat => CalibrationSamples.Tokens;

    public double CleanPerplexity() => Clean;

    public ISplitSession OpenSplit(int split)
    {
        SplitsOpened.Add(split);
        return new Session(this, split);
    }

    public static double Expected(int split, double intensity, double shape) => Clean + split * intensity + 1 / (1 + shape);

    private sealed class Session(FakeCellEvaluator owner, int split) : ISplitSession
    {
        public double Perplexity(double intensity, double shape, ulong cellSeed, int repeat)
        {
            var cell = (split, intensity, shape);
            if (owner.CellsStarted.Count == 0 || owner.CellsStarted[^1] != cell)
            {
                if (owner.CellsStarted.Count >= owner.CrashAfterCells)
                    throw new SimulatedCrashException();
                owner.CellsStarted.Add(cell);
            }
            double jitter = new Random((int)((cellSeed + (ulong)repeat * 7919) % int.MaxValue)).NextDouble() * 2 - 1;
            return Expected(split, intensity, shape) * (1 + owner.RelativeSpread * jitter);
        }

        public void Dispose()
        {
        }
    }
}

internal sealed class SimulatedCrashException : Exception;
