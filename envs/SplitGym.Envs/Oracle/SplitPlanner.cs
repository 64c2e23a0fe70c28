namespace SplitGym.Envs.Oracle;

/// <summary>
/// Exact dynamic programming over (split, moves to go) for a channel that stays put. Because the
/// split moves at most <c>K</c> layers per step, the best achievable return is not "sit on p* from
/// step one"; <see cref="Plan"/> computes the optimal value of every split for every horizon, from
/// which <see cref="OptimalReturn"/> and the oracle's moves (<see cref="NextSplit"/>) are read.
/// </summary>
/// <remarks>
/// Rewards are indexed by split <c>p ∈ [pMin, pMax]</c> at <c>rewardBySplit[p − pMin]</c> and are paid
/// at the split reached after each move. Tables are allocated once for the longest horizon, so
/// planning allocates nothing.
/// </remarks>
public sealed class SplitPlanner
{
    private readonly int _splitMin;
    private readonly int _maxMove;
    private readonly int _splitCount;
    private readonly double[] _values;   // [movesToGo, split index], row-major
    private readonly double[] _rewards;
    private int _plannedSteps = -1;

    /// <summary>Creates a planner for splits in [<paramref name="splitMin"/>, <paramref name="splitMax"/>], moves of at most <paramref name="maxMove"/> layers, and horizons up to <paramref name="maxSteps"/>.</summary>
    public SplitPlanner(int splitMin, int splitMax, int maxMove, int maxSteps)
    {
        if (splitMax < splitMin) throw new ArgumentException($"splitMax {splitMax} is below splitMin {splitMin}.");
        if (maxMove < 1) throw new ArgumentOutOfRangeException(nameof(maxMove), maxMove, "The largest move K must be at least 1.");
        if (maxSteps < 1) throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, "The horizon must be at least 1 step.");
        _splitMin = splitMin;
        _maxMove = maxMove;
        _splitCount = splitMax - splitMin + 1;
        _values = new double[(maxSteps + 1) * _splitCount];
        _rewards = new double[_splitCount];
    }

    /// <summary>The longest horizon the planner's tables hold.</summary>
    public int MaxSteps => _values.Length / _splitCount - 1;

    /// <summary>Computes optimal values for every split and every horizon up to <paramref name="steps"/>.</summary>
    public void Plan(ReadOnlySpan<double> rewardBySplit, int steps)
    {
        if (rewardBySplit.Length != _splitCount)
            throw new ArgumentException($"Expected {_splitCount} rewards (one per split), got {rewardBySplit.Length}.");
        if (steps < 0 || (steps + 1) * _splitCount > _values.Length)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"The horizon must lie in [0, {_values.Length / _splitCount - 1}].");
        rewardBySplit.CopyTo(_rewards);
        int last = _splitCount - 1;
        Array.Clear(_values, 0, _splitCount);
        for (int togo = 1; togo <= steps; togo++)
        {
            var previous = _values.AsSpan((togo - 1) * _splitCount, _splitCount);
            var current = _values.AsSpan(togo * _splitCount, _splitCount);
            for (int from = 0; from <= last; from++)
            {
                double best = double.NegativeInfinity;
                int low = Math.Max(0, from - _maxMove), high = Math.Min(last, from + _maxMove);
                for (int to = low; to <= high; to++)
                {
                    double value = _rewards[to] + previous[to];
                    if (value > best) best = value;
                }
                current[from] = best;
            }
        }
        _plannedSteps = steps;
    }

    /// <summary>The best expected return over the planned horizon starting from split <paramref name="start"/>.</summary>
    public double OptimalReturn(int start)
    {
        if (_plannedSteps < 0) throw new InvalidOperationException("Call Plan before asking for the optimal return.");
        return _values[_plannedSteps * _splitCount + start - _splitMin];
    }

    /// <summary>
    /// The split an optimal plan moves to from <paramref name="from"/> with <paramref name="movesToGo"/> moves left
    /// (ties go to the smallest move, then the lower split, so the oracle is deterministic).
    /// </summary>
    public int NextSplit(int from, int movesToGo)
    {
        if (movesToGo < 1 || movesToGo > _plannedSteps)
            throw new InvalidOperationException($"Asked for the next move with {movesToGo} moves to go, but {_plannedSteps} were planned; call Plan with a long enough horizon first.");
        var after = _values.AsSpan((movesToGo - 1) * _splitCount, _splitCount);
        int origin = from - _splitMin, best = origin;
        double bestValue = _rewards[origin] + after[origin];
        for (int distance = 1; distance <= _maxMove; distance++)
        {
            best = Better(origin - distance, best, ref bestValue, after);
            best = Better(origin + distance, best, ref bestValue, after);
        }
        return best + _splitMin;
    }

    private int Better(int candidate, int best, ref double bestValue, ReadOnlySpan<double> after)
    {
        if (candidate < 0 || candidate >= _splitCount) return best;
        double value = _rewards[candidate] + after[candidate];
        if (value <= bestValue) return best;
        bestValue = value;
        return candidate;
    }
}
