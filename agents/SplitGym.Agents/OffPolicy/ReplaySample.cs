namespace SplitGym.Agents.OffPolicy;

/// <summary>Reusable arrays that receive one minibatch drawn from a <see cref="ReplayBuffer"/>.</summary>
public sealed class ReplaySample
{
    /// <summary>Allocates room for <paramref name="batchSize"/> transitions.</summary>
    public ReplaySample(int batchSize, int observationLength)
    {
        BatchSize = batchSize;
        ObservationLength = observationLength;
        Observations = new float[batchSize * observationLength];
        NextObservations = new float[batchSize * observationLength];
        Actions = new long[batchSize];
        Rewards = new float[batchSize];
        Terminals = new float[batchSize];
    }

    /// <summary>Transitions per sample.</summary>
    public int BatchSize { get; }

    /// <summary>Floats per observation.</summary>
    public int ObservationLength { get; }

    /// <summary>Observations, row-major.</summary>
    public float[] Observations { get; }

    /// <summary>Next observations (the final observation for ended episodes), row-major.</summary>
    public float[] NextObservations { get; }

    /// <summary>Actions.</summary>
    public long[] Actions { get; }

    /// <summary>Rewards.</summary>
    public float[] Rewards { get; }

    /// <summary>1 where the episode terminated, else 0.</summary>
    public float[] Terminals { get; }
}
