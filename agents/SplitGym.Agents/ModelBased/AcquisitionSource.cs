namespace SplitGym.Agents.ModelBased;

/// <summary>Why a real evaluation was made (logged with it in the <see cref="EvaluationLedger"/>).</summary>
public enum AcquisitionSource
{
    /// <summary>The space-filling initial design.</summary>
    Design,

    /// <summary>A state the current policy visits in the learned env, where the surrogate is least sure.</summary>
    Policy,

    /// <summary>Anywhere in the region where the ensemble disagrees most.</summary>
    Disagreement,

    /// <summary>A step of the current policy in the real env, taken to observe the channel's drift.</summary>
    ChannelProbe,
}
