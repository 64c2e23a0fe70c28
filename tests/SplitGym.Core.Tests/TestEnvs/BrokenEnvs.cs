using SplitGym.Core.Spaces;

namespace SplitGym.Core.Tests.TestEnvs;

/// <summary>The family of deliberately broken envs; each differs from a correct <see cref="GenericTestEnv"/> in one fault.</summary>
internal static class BrokenEnvs
{
    private static readonly Random Unseeded = new();

    private static ResetResult<float[]> SeededReset(GenericTestEnv env, int? seed, float value)
    {
        env.Seed(seed);
        return new ResetResult<float[]>([value], new Info());
    }

    private static StepResult<float[]> StepWith(float observation, double reward = 0, bool truncated = false, Info? info = null) =>
        new([observation], reward, false, truncated, info ?? new Info());

    /// <summary>Faults the checker must reject with an error containing the message.</summary>
    public static TheoryData<string, Func<IEnv>, string> Errors => new()
    {
        { "reset observation out of space", () => new GenericTestEnv { ResetFunc = (e, s, _) => SeededReset(e, s, 2f) }, "The first element returned by `env.Reset()` is not within the observation space" },
        { "reset observation of the wrong length", () => new GenericTestEnv { ResetFunc = (e, s, _) => { e.Seed(s); return new ResetResult<float[]>([0.5f, 0.5f], new Info()); } }, "not within the observation space" },
        { "reset observation null", () => new GenericTestEnv { ResetFunc = (e, s, _) => new ResetResult<float[]>(null!, new Info()) }, "The first element returned by `env.Reset()` is not within the observation space" },
        { "reset info null", () => new GenericTestEnv { ResetFunc = (e, s, _) => new ResetResult<float[]>([0.5f], null!) }, "The second element returned by `env.Reset()` was not a dictionary" },
        { "reset ignores the seed", () => new GenericTestEnv { ResetFunc = (e, s, _) => new ResetResult<float[]>([(float)Unseeded.NextDouble()], new Info()) }, "Expects the random number generator to have been seeded with 123" },
        { "seeded reset draws from an unseeded generator", () => new GenericTestEnv { ResetFunc = (e, s, _) => SeededReset(e, s, (float)Unseeded.NextDouble()) }, "Using `env.Reset(seed: 123)` is non-deterministic as the observations are not equivalent" },
        { "reset re-seeds with a constant", () => new GenericTestEnv { ResetFunc = (e, s, _) => { e.Seed(s); e.NpRandom.Reseed(7); return new ResetResult<float[]>([(float)e.NpRandom.NextDouble()], new Info()); } }, "random number generators are not different when different seeds are passed" },
        { "reset rejects options", () => new GenericTestEnv { ResetFunc = (e, s, o) => o is null ? SeededReset(e, s, 0.5f) : throw new ArgumentException("options unsupported") }, "`env.Reset(options: {})` threw ArgumentException: options unsupported" },
        { "step info null", () => new GenericTestEnv { StepFunc = (e, a) => new StepResult<float[]>([0.5f], 0, false, false, null!) }, "The `info` returned by `Step()` must be a dictionary" },
        { "NaN reward", () => new GenericTestEnv { StepFunc = (e, a) => StepWith(0.5f, double.NaN) }, "the reward is a NaN value (NaN vs NaN), and NaN never equals itself" },
        { "steps happily before reset", () => new GenericTestEnv { StepsBeforeReset = true }, "before the first `env.Reset()` returned a result instead of raising" },
        { "step draws from an unseeded generator", () => new GenericTestEnv { StepFunc = (e, a) => StepWith((float)Unseeded.NextDouble()) }, "Deterministic step observations are not equivalent" },
        { "step uses the generator a varying number of times", AlternatingDraws, "NpRandom is not properly updated after step" },
        { "step info not deterministic", () => new GenericTestEnv { StepFunc = (e, a) => StepWith(0.5f, info: new Info { ["noise"] = Unseeded.NextDouble() }) }, "Deterministic step info are not equivalent" },
        { "truncates after one step", () => new GenericTestEnv { StepFunc = (e, a) => StepWith(0.5f, truncated: true) }, "Environment truncates after 1 step" },
        { "step throws on a valid action", () => new GenericTestEnv { StepFunc = (e, a) => throw new InvalidCastException("boom") }, "threw InvalidCastException: boom" },
        { "render mode not declared", () => new GenericTestEnv("rgb_array"), "unsupported render mode. Render mode: 'rgb_array', modes: [ansi]" },
        { "render mode without any declared modes", () => new GenericTestEnv("ansi") { Meta = EnvMetadata.None }, "With no render modes declared, expects the env's RenderMode to be null" },
        { "render fps not positive", () => new GenericTestEnv("ansi") { Meta = new(["ansi"], 0) }, "Expects Metadata.RenderFps to be greater than zero, actual value: 0" },
        { "action space null", () => new GenericTestEnv { Actions = null! }, "The environment must specify an action space" },
        { "empty dict observation space", () => new DictObservationEnv(new DictSpace([])), "An empty Dict observation space is not allowed" },
    };

    /// <summary>Faults Gymnasium only warns about: the checker must return a warning containing the message.</summary>
    public static TheoryData<string, Func<IEnv>, string> Warnings => new()
    {
        { "step observation out of space", () => new GenericTestEnv { StepFunc = (e, a) => StepWith(5f) }, "The obs returned by the `step()` method is not within the observation space" },
        { "step observation of the wrong length", () => new GenericTestEnv { StepFunc = (e, a) => new StepResult<float[]>([0.5f, 0.5f, 0.5f], 0, false, false, new Info()) }, "was expecting an array of length 1 (shape [1]), actual length: 3" },
        { "infinite reward", () => new GenericTestEnv { StepFunc = (e, a) => StepWith(0.5f, double.PositiveInfinity) }, "The reward is an inf value" },
        { "ansi render returns no string", () => new GenericTestEnv("ansi") { RenderFunc = _ => 42 }, "ANSI/ASCII rendering should produce a string, got Int32" },
        { "render fps missing", () => new GenericTestEnv("ansi") { Meta = new(["ansi"]) }, "No render fps was declared" },
        { "box bounds equal", () => new GenericTestEnv { Observations = new Box<float>(0.5f, 0.5f, 1), ResetFunc = (e, s, _) => SeededReset(e, s, 0.5f), StepFunc = (e, a) => StepWith(0.5f) }, "A Box observation space maximum and minimum values are equal" },
        { "unbounded box", () => new GenericTestEnv { Observations = new Box<float>(float.NegativeInfinity, float.PositiveInfinity, 1) }, "A Box observation space minimum value is -infinity" },
        { "step before reset throws NullReferenceException", () => new GenericTestEnv { StepsBeforeReset = true, StepFunc = (e, a) => e.HasBeenReset ? StepWith(0.5f) : throw new NullReferenceException("no state") }, "before the first `env.Reset()` threw NullReferenceException: no state. Throw an InvalidOperationException" },
        { "no spec for the render-mode check", () => new GenericTestEnv(), "Not able to test alternative render modes due to the environment not having a spec" },
    };

    /// <summary>An env whose step draws once, then twice, then once … from its generator, so two seeded runs end in different states.</summary>
    private static GenericTestEnv AlternatingDraws()
    {
        var calls = 0;
        return new GenericTestEnv
        {
            StepFunc = (e, a) =>
            {
                for (var i = 0; i <= calls % 2; i++)
                {
                    e.NpRandom.NextDouble();
                }
                calls++;
                return StepWith(0.5f);
            },
        };
    }

    /// <summary>An env whose observation space is a (possibly broken) Dict space.</summary>
    private sealed class DictObservationEnv(DictSpace space) : Env<IReadOnlyDictionary<string, object>, int>
    {
        public override Space<int> ActionSpace { get; } = new Discrete(2);

        public override Space<IReadOnlyDictionary<string, object>> ObservationSpace => space;

        public override ResetResult<IReadOnlyDictionary<string, object>> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null) =>
            new(new Dictionary<string, object>(), new Info());

        public override StepResult<IReadOnlyDictionary<string, object>> Step(int action) =>
            new(new Dictionary<string, object>(), 0, false, false, new Info());
    }
}
