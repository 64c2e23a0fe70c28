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
        { "empty dict observation space", () => DictEnv(new DictSpace([]), []), "An empty Dict observation space is not allowed" },
        { "step observation with other dict keys", () => DictEnv(new DictSpace([KeyValuePair.Create("a", (Space)new Discrete(2))]), ["b"]), "The obs returned by the `step()` method observation keys are not the observation space keys, obs keys: [b], space keys: [a]" },
        { "step observation tuple too short", () => new StructuredObservationEnv<object[]>(new TupleSpace(new Discrete(2), new Discrete(2)), () => [0, 1], () => [0]), "The obs returned by the `step()` method length is not same as the observation space length, obs length: 1, space length: 2" },
        { "nested dict observation with other keys", () => Nested(Dict("outer", Dict("a", new Discrete(2))), Map("outer", Map("b", 0))), "The obs returned by the `step()` method at obs[\"outer\"] observation keys are not the observation space keys, obs keys: [b], space keys: [a]" },
        { "tuple inside a dict too short", () => Nested(Dict("t", new TupleSpace(new Discrete(2), new Discrete(2))), Map("t", new object[] { 0 })), "The obs returned by the `step()` method at obs[\"t\"] length is not same as the observation space length, obs length: 1, space length: 2" },
        { "dict inside a tuple inside a dict with other keys", () => Nested(Dict("t", new TupleSpace(new Discrete(2), Dict("a", new Discrete(2)))), Map("t", new object[] { 0, Map("z", 0) })), "The obs returned by the `step()` method at obs[\"t\"][1] observation keys are not the observation space keys, obs keys: [z], space keys: [a]" },
        { "nested dict observation not a dictionary", () => Nested(Dict("outer", Dict("a", new Discrete(2))), Map("outer", 0)), "The obs returned by the `step()` method at obs[\"outer\"] must be a dictionary, actual type: Int32" },
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
        { "seeded resets equal only within tolerance", DriftingReset, "Using `env.Reset(seed: 123)` observations are not equal although similar." },
        { "unseeded resets after a seed equal only within tolerance", DriftingReset, "Using `env.Reset(seed: 123)` then `env.Reset()` observations are not equal although similar." },
        { "step observations equal only within tolerance", () => { var next = Drifting(); return new GenericTestEnv { StepFunc = (e, a) => StepWith(next()) }; }, "Step observations are not equal although similar given the same seed and action." },
        { "step infos equal only within tolerance", () => { var next = Drifting(); return new GenericTestEnv { StepFunc = (e, a) => StepWith(0.5f, info: new Info { ["drift"] = new[] { next() } }) }; }, "Step info are not equal although similar given the same seed and action." },
        { "box action space not normalised", () => new BoxActionEnv(new Box<float>(-2f, 2f, 1)), "For Box action spaces, we recommend using a symmetric and normalized space (range=[-1, 1] or [0, 1])." },
        { "human render returns a frame", () => Rendering("human", "frame"), "Human rendering should return null, got String." },
        { "rgb render returns no array", () => Rendering("rgb_array", "frame"), "RGB-array rendering should return an array (byte[height, width, 3]), got String." },
        { "rgb render of floats", () => Rendering("rgb_array", new float[2, 2, 3]), "RGB-array rendering should return an array with element type byte (uint8), got Single." },
        { "rgb render with two axes", () => Rendering("rgb_array", new byte[2, 2]), "RGB-array rendering should return an array with three axes, got 2." },
        { "rgb render with four channels", () => Rendering("rgb_array", new byte[2, 2, 4]), "RGB-array rendering should return an array in which the last axis has three dimensions, got 4." },
        { "depth render returns no array", () => Rendering("depth_array", 1.5), "Depth-array rendering should return an array, got Double." },
        { "depth render with three axes", () => Rendering("depth_array", new float[2, 2, 1]), "Depth-array rendering should return an array with two axes, got 3." },
        { "rgb list render returns one frame", () => Rendering("rgb_array_list", new byte[2, 2, 3]), "Render mode `rgb_array_list` should produce a list, got Byte[,,]." },
        { "rgb list render with a bad frame", () => Rendering("rgb_array_list", new List<byte[,,]> { new byte[2, 2, 3], new byte[2, 2, 4] }), "RGB-array rendering should return an array in which the last axis has three dimensions, got 4." },
        { "ansi list render with a number", () => Rendering("ansi_list", new object[] { "frame", 3 }), "ANSI/ASCII rendering should produce a string, got Int32." },
        { "no spec for the render-mode check", () => new GenericTestEnv(), "Not able to test alternative render modes due to the environment not having a spec" },
        { "nested tuple observation not an object[]", () => Nested(Dict("t", new TupleSpace(new Discrete(2))), Map("t", new List<object> { 0 })), "The obs returned by the `step()` method at obs[\"t\"] was expecting a tuple (object[]), actual type: List`1" },
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

    /// <summary>An env in <paramref name="space"/> whose reset observation is the space's sample and whose step observation has <paramref name="stepKeys"/>, each 0.</summary>
    private static StructuredObservationEnv<IReadOnlyDictionary<string, object>> DictEnv(DictSpace space, string[] stepKeys) =>
        new(space, () => space.Spaces.ToDictionary(p => p.Key, _ => (object)0), () => stepKeys.ToDictionary(k => k, _ => (object)0));

    /// <summary>An env in <paramref name="space"/> whose reset observation is the space's sample under seed 0 (valid and deterministic) and whose step observation is <paramref name="stepObservation"/>.</summary>
    private static StructuredObservationEnv<IReadOnlyDictionary<string, object>> Nested(DictSpace space, IReadOnlyDictionary<string, object> stepObservation) =>
        new(space, () => { space.Seed(0); return space.Sample(); }, () => stepObservation);

    private static DictSpace Dict(string key, Space space) => new([KeyValuePair.Create(key, space)]);

    private static Dictionary<string, object> Map(string key, object value) => new() { [key] = value };

    /// <summary>0.5 plus 1e-7 more at every call: within the checker's 1e-5 tolerance, yet never exactly equal.</summary>
    private static Func<float> Drifting()
    {
        var calls = 0;
        return () => 0.5f + (1e-7f * ++calls);
    }

    private static GenericTestEnv DriftingReset()
    {
        var next = Drifting();
        return new GenericTestEnv { ResetFunc = (e, s, _) => SeededReset(e, s, next()) };
    }

    /// <summary>An env rendering <paramref name="frame"/> in <paramref name="mode"/>, the only mode it declares.</summary>
    public static GenericTestEnv Rendering(string mode, object? frame) => new(mode) { Meta = new([mode], 30), RenderFunc = _ => frame };
}
