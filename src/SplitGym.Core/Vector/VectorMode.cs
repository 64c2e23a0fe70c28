namespace SplitGym.Core.Vector;

/// <summary>How <c>Registry.MakeVec</c> runs the sub-environments.</summary>
public enum VectorMode
{
    /// <summary>One after another on the calling thread (<see cref="SyncVectorEnv"/>).</summary>
    Sync,

    /// <summary>In parallel on worker threads (<see cref="AsyncVectorEnv"/>).</summary>
    Async,
}
