using SplitGym.Cli.Comparison;

namespace SplitGym.Cli.Progress;

/// <summary>
/// Where long jobs (compare, train) report what they are doing: a live Spectre.Console display in a
/// terminal, plain lines otherwise. Calls may come from several worker threads at once.
/// </summary>
public interface IRunProgress
{
    /// <summary>Runs <paramref name="body"/> (the whole job, <paramref name="total"/> runs) while the display is shown.</summary>
    void Show(int total, Action body);

    /// <summary>A run was finished by an earlier invocation and is kept.</summary>
    void Skipped(RunKey run);

    /// <summary>A run starts; <paramref name="trainingSteps"/> is its training budget in env steps (0 for a baseline).</summary>
    void Started(RunKey run, long trainingSteps);

    /// <summary>A learner reached <paramref name="steps"/> env steps.</summary>
    void Advanced(RunKey run, long steps);

    /// <summary>A run ended with <paramref name="result"/>.</summary>
    void Finished(RunKey run, RunResult result);
}
