namespace SplitGym.Envs.Oracle;

/// <summary>
/// The exact expected reward of the uniform-random policy, step by step: it carries the probability
/// distribution of the random policy's split forward (each of the 2K + 1 actions with probability
/// 1/(2K + 1), moves clipped at the ends), which is the "no skill" reference of the normalised score.
/// </summary>
public sealed class RandomPolicyTracker
{
    private readonly int _splitMin;
    private readonly int _maxMove;
    private readonly double[] _probability;
    private readonly double[] _next;

    /// <summary>Creates a tracker for splits in [<paramref name="splitMin"/>, <paramref name="splitMax"/>] and moves of at most <paramref name="maxMove"/>.</summary>
    public RandomPolicyTracker(int splitMin, int splitMax, int maxMove)
    {
        _splitMin = splitMin;
        _maxMove = maxMove;
        _probability = new double[splitMax - splitMin + 1];
        _next = new double[_probability.Length];
    }

    /// <summary>Puts all probability on <paramref name="split"/>.</summary>
    public void Reset(int split)
    {
        Array.Clear(_probability);
        _probability[split - _splitMin] = 1;
    }

    /// <summary>Takes one random move and returns the expected reward paid at the split reached.</summary>
    public double Advance(ReadOnlySpan<double> rewardBySplit)
    {
        Array.Clear(_next);
        int last = _probability.Length - 1;
        double share = 1.0 / (2 * _maxMove + 1);
        for (int from = 0; from <= last; from++)
        {
            double mass = _probability[from] * share;
            if (mass == 0) continue;
            for (int move = -_maxMove; move <= _maxMove; move++) _next[Math.Clamp(from + move, 0, last)] += mass;
        }
        double expected = 0;
        for (int split = 0; split <= last; split++)
        {
            _probability[split] = _next[split];
            expected += _next[split] * rewardBySplit[split];
        }
        return expected;
    }
}
