using SplitGym.Core.Spaces;

namespace SplitGym.Core.Tests.TestEnvs;

/// <summary>A correct env with a continuous (Box) action space, for the checker's action-space recommendations.</summary>
internal sealed class BoxActionEnv(Box<float> actions) : Env<float[], float[]>
{
    public override Space<float[]> ActionSpace => actions;

    public override Space<float[]> ObservationSpace { get; } = new Box<float>(0f, 1f, 1);

    public override ResetResult<float[]> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null)
    {
        SeedRandom(seed);
        return new ResetResult<float[]>([(float)NpRandom.NextDouble()], new Info());
    }

    public override StepResult<float[]> Step(float[] action) =>
        ResetCalled
            ? new StepResult<float[]>([(float)NpRandom.NextDouble()], 0, false, false, new Info())
            : throw new ResetNeededException("BoxActionEnv: call Reset before Step.");
}
