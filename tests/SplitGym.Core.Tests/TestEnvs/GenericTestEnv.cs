using SplitGym.Core.Spaces;

namespace SplitGym.Core.Tests.TestEnvs;

/// <summary>
/// A configurable env in the spirit of Gymnasium's tests/testing_env.py: every behaviour is a
/// delegate, so each deliberately broken env is one line that replaces the faulty part.
/// The defaults form a correct env (observation one uniform float in [0, 1], Discrete(2) actions,
/// Step before the first Reset throws <see cref="ResetNeededException"/>).
/// </summary>
internal sealed class GenericTestEnv : Env<float[], int>
{
    public GenericTestEnv(string? renderMode = null) : base(renderMode)
    {
        ResetFunc = (env, seed, _) =>
        {
            env.Seed(seed);
            return new ResetResult<float[]>([(float)env.NpRandom.NextDouble()], new Info());
        };
        StepFunc = (env, _) => new StepResult<float[]>([(float)env.NpRandom.NextDouble()], 0.0, false, false, new Info());
    }

    public Space<float[]> Observations { get; init; } = new Box<float>(0f, 1f, 1);

    public Space<int> Actions { get; init; } = new Discrete(2);

    public EnvMetadata Meta { get; init; } = new(["ansi"], 30);

    public Func<GenericTestEnv, int?, IReadOnlyDictionary<string, object?>?, ResetResult<float[]>> ResetFunc { get; init; }

    public Func<GenericTestEnv, int, StepResult<float[]>> StepFunc { get; init; }

    public Func<GenericTestEnv, object?> RenderFunc { get; init; } = env => env.RenderMode == "ansi" ? "frame" : null;

    public Action<GenericTestEnv> CloseFunc { get; init; } = _ => { };

    /// <summary>True lets Step run <see cref="StepFunc"/> before the first Reset (a fault) instead of throwing.</summary>
    public bool StepsBeforeReset { get; init; }

    /// <summary>Whether Reset has been called (the base class's record, for step functions that depend on it).</summary>
    public bool HasBeenReset => ResetCalled;

    public override Space<int> ActionSpace => Actions;

    public override Space<float[]> ObservationSpace => Observations;

    public override EnvMetadata Metadata => Meta;

    public void Seed(int? seed) => SeedRandom(seed);

    public override ResetResult<float[]> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null) => ResetFunc(this, seed, options);

    public override StepResult<float[]> Step(int action) =>
        ResetCalled || StepsBeforeReset ? StepFunc(this, action) : throw new ResetNeededException("GenericTestEnv: call Reset before Step.");

    public override object? Render() => RenderFunc(this);

    public override void Close() => CloseFunc(this);
}
