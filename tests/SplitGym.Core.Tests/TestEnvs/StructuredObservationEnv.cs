using SplitGym.Core.Spaces;

namespace SplitGym.Core.Tests.TestEnvs;

/// <summary>
/// An env over any observation space (Dict, Tuple, …) whose observations come from delegates.
/// Reset seeds the generator and Step refuses to run before Reset, so only the given space and
/// observations can be at fault.
/// </summary>
internal sealed class StructuredObservationEnv<TObs>(Space<TObs> space, Func<TObs> resetObservation, Func<TObs> stepObservation) : Env<TObs, int>
{
    public override Space<int> ActionSpace { get; } = new Discrete(2);

    public override Space<TObs> ObservationSpace => space;

    public override ResetResult<TObs> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null)
    {
        SeedRandom(seed);
        return new ResetResult<TObs>(resetObservation(), new Info());
    }

    public override StepResult<TObs> Step(int action) =>
        ResetCalled
            ? new StepResult<TObs>(stepObservation(), 0, false, false, new Info())
            : throw new ResetNeededException("StructuredObservationEnv: call Reset before Step.");
}
