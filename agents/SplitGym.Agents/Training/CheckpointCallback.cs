namespace SplitGym.Agents.Training;

/// <summary>Saves the agent every <see cref="PeriodicCallback.Every"/> env steps to <c>{folder}/{prefix}_{steps}_steps</c> (SB3's <c>CheckpointCallback</c>).</summary>
/// <param name="every">Period in env steps.</param>
/// <param name="folder">Folder of the checkpoints (created).</param>
/// <param name="prefix">Checkpoint name prefix.</param>
public sealed class CheckpointCallback(long every, string folder, string prefix = "rl_model") : PeriodicCallback(every)
{
    /// <summary>The path of the checkpoint taken at <paramref name="steps"/> env steps.</summary>
    public string PathAt(long steps) => Path.Combine(folder, $"{prefix}_{steps}_steps");

    /// <summary>Paths of the checkpoints written so far.</summary>
    public List<string> Saved { get; } = [];

    /// <inheritdoc />
    protected override bool OnPeriod(TrainingContext context)
    {
        Directory.CreateDirectory(folder);
        var path = PathAt(context.NumTimesteps);
        context.Agent.Save(path);
        Saved.Add(path);
        return true;
    }
}
