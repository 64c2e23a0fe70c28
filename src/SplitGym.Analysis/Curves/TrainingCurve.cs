namespace SplitGym.Analysis;

/// <summary>
/// One seed's training curve: a quantity (usually the mean episode return, <c>rollout/ep_rew_mean</c>)
/// logged against environment steps. Curves of several seeds are combined by <see cref="SeedBand"/>.
/// </summary>
public sealed record TrainingCurve
{
    /// <summary>Creates a curve; steps must be finite and strictly increasing, values finite, both the same length (at least one point).</summary>
    /// <param name="steps">Environment steps (summed over sub-envs) at which <paramref name="values"/> were logged.</param>
    /// <param name="values">The logged quantity, in the units of the env's reward (return per episode for returns).</param>
    public TrainingCurve(IReadOnlyList<double> steps, IReadOnlyList<double> values)
    {
        if (steps.Count != values.Count)
            throw new ArgumentException($"A training curve needs as many values as steps; got {steps.Count} steps and {values.Count} values.", nameof(values));
        if (steps.Count == 0) throw new ArgumentException("A training curve needs at least one point; got none.", nameof(steps));
        for (int i = 0; i < steps.Count; i++)
        {
            if (!double.IsFinite(steps[i]) || !double.IsFinite(values[i]))
                throw new ArgumentException($"Training curve point {i} is (step {steps[i]}, value {values[i]}); both must be finite.", nameof(steps));
            if (i > 0 && steps[i] <= steps[i - 1])
                throw new ArgumentException($"Training curve steps must increase strictly; step {i} is {steps[i]} after {steps[i - 1]}.", nameof(steps));
        }
        Steps = [.. steps];
        Values = [.. values];
    }

    /// <summary>Environment steps of the logged points, strictly increasing.</summary>
    public IReadOnlyList<double> Steps { get; }

    /// <summary>The logged values, one per step.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>First logged step.</summary>
    public double FirstStep => Steps[0];

    /// <summary>Last logged step.</summary>
    public double LastStep => Steps[^1];

    /// <summary>
    /// The value at <paramref name="step"/> by linear interpolation between logged points, held constant
    /// before the first and after the last point, so seeds logged at different steps can be averaged.
    /// </summary>
    public double ValueAt(double step)
    {
        if (step <= Steps[0]) return Values[0];
        for (int i = 1; i < Steps.Count; i++)
        {
            if (step <= Steps[i])
                return Values[i - 1] + (Values[i] - Values[i - 1]) * (step - Steps[i - 1]) / (Steps[i] - Steps[i - 1]);
        }
        return Values[^1];
    }
}
