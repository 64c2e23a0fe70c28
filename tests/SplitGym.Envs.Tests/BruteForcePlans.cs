namespace SplitGym.Envs.Tests;

/// <summary>
/// Independent reference for the planner and the random-policy tracker: enumerate every action
/// sequence of a short episode. Exponential, so only for tiny split ranges and horizons.
/// </summary>
internal static class BruteForcePlans
{
    /// <summary>Returns (best return, mean return over uniformly random action sequences).</summary>
    public static (double Best, double Random) Enumerate(double[] rewardBySplit, int start, int maxMove, int steps)
    {
        int actions = 2 * maxMove + 1;
        long sequences = (long)Math.Pow(actions, steps);
        double best = double.NegativeInfinity, sum = 0;
        for (long code = 0; code < sequences; code++)
        {
            long rest = code;
            int split = start;
            double total = 0;
            for (int t = 0; t < steps; t++)
            {
                int action = (int)(rest % actions);
                rest /= actions;
                split = Math.Clamp(split + action - maxMove, 0, rewardBySplit.Length - 1);
                total += rewardBySplit[split];
            }
            best = Math.Max(best, total);
            sum += total;
        }
        return (best, sum / sequences);
    }

    /// <summary>
    /// The best return for horizons too long to enumerate: forward search over the best return of reaching
    /// each split after each step (the planner under test works backwards over moves to go).
    /// </summary>
    public static double BestByForwardSearch(double[] rewardBySplit, int start, int maxMove, int steps)
    {
        int count = rewardBySplit.Length;
        var reach = Enumerable.Range(0, count).Select(p => p == start ? 0.0 : double.NegativeInfinity).ToArray();
        for (int t = 0; t < steps; t++)
        {
            var next = new double[count];
            for (int to = 0; to < count; to++)
            {
                var sources = Enumerable.Range(0, count).Where(from => Math.Abs(to - from) <= maxMove);
                // Clipped moves: from the ends, a move past the boundary lands on the boundary, which a smaller move also reaches.
                next[to] = sources.Max(from => reach[from]) + rewardBySplit[to];
            }
            reach = next;
        }
        return reach.Max();
    }
}
