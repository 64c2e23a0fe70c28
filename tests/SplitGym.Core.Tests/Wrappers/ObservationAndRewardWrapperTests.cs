using SplitGym.Core.Classic;
using SplitGym.Core.Spaces;
using SplitGym.Core.Tests.TestEnvs;
using SplitGym.Core.Wrappers;

namespace SplitGym.Core.Tests.Wrappers;

public sealed class ObservationAndRewardWrapperTests
{
    [Fact]
    public void TransformObservation_maps_reset_and_step_observations()
    {
        var env = new TransformObservation<double, float[], int>(new CountingEnv(), o => o[0] * 10, new ScalarSpace());
        Assert.Equal(0.0, env.Reset(seed: 1).Observation);
        Assert.Equal(10.0, env.Step(0).Observation);
        Assert.Equal(20.0, env.Step(0).Observation);
    }

    [Fact]
    public void FlattenObservation_turns_structured_observations_into_float_vectors()
    {
        var env = new FlattenObservation<int, int>(new DiscreteObservationEnv());
        Assert.Equal([0f, 0f, 1f, 0f], env.Reset(seed: 0).Observation);
        Assert.Equal([0f, 0f, 0f, 1f], env.Step(1).Observation);
        Assert.Equal(new Box<float>(0f, 1f, 4), env.ObservationSpace);
    }

    [Fact]
    public void TimeAwareObservation_appends_the_elapsed_steps_or_their_fraction()
    {
        var counting = new TimeAwareObservation<int>(new CountingEnv(), maxTimesteps: 10);
        Assert.Equal(0f, counting.Reset(seed: 0).Observation[^1]);
        counting.Step(0);
        Assert.Equal(2f, counting.Step(0).Observation[^1]);
        Assert.Equal(10f, ((Box<float>)counting.ObservationSpace).High[^1]);
        var normalized = new TimeAwareObservation<int>(Registration.RegistryFor.CartPole(), normalizeTime: true);
        normalized.Reset(seed: 0);
        Assert.Equal(1f / 500, normalized.Step(0).Observation[^1]);
        Assert.Contains("needs the episode limit", Assert.Throws<ArgumentException>(() => new TimeAwareObservation<int>(new CartPoleEnv())).Message);
    }

    [Fact]
    public void ClipReward_and_TransformReward_change_rewards_on_both_paths()
    {
        var clipped = new ClipReward<float[], int>(new CountingEnv(), min: 1.5, max: 1.6);
        clipped.Reset(seed: 0);
        Assert.Equal(1.5, clipped.Step(0).Reward);
        Assert.Equal(1.6, clipped.Step(2).Reward);
        var info = new InfoBuffer(clipped.InfoKeys);
        clipped.ResetInto(0, new float[3], info);
        Assert.Equal(1.6, clipped.StepInto(2, new float[3], info).Reward);
        var negated = new TransformReward<float[], int>(new CartPoleEnv(), r => -r);
        negated.Reset(seed: 0);
        Assert.Equal(-1.0, negated.Step(0).Reward);
        Assert.Contains("min <= max, got min=2, max=1", Assert.Throws<ArgumentException>(() => new ClipReward<float[], int>(new CartPoleEnv(), 2, 1)).Message);
    }

    [Fact]
    public void OrderEnforcing_blocks_render_before_reset_unless_disabled()
    {
        var strict = new OrderEnforcing<float[], int>(new CartPoleEnv("ansi"));
        Assert.StartsWith("Cannot call env.Render() before calling env.Reset()", Assert.Throws<ResetNeededException>(() => strict.Render()).Message);
        var relaxed = new OrderEnforcing<float[], int>(new CartPoleEnv("ansi"), disableRenderOrderEnforcing: true);
        Assert.IsType<string>(relaxed.Render());
        var info = new InfoBuffer([]);
        Assert.Throws<ResetNeededException>(() => strict.StepInto(0, new float[4], info));
    }

    [Fact]
    public void PassiveEnvChecker_checks_the_first_array_step_only()
    {
        var env = new PassiveEnvChecker<float[], int>(new CountingEnv());
        var info = new InfoBuffer(env.InfoKeys);
        var observation = new float[3];
        env.ResetInto(0, observation, info);
        for (var i = 0; i < 5; i++)
        {
            env.StepInto(0, observation, info);
        }
        Assert.Empty(env.Warnings);
        var bad = new PassiveEnvChecker<float[], int>(new TimeLimit<float[], int>(new OutOfBoxEnv(), 5));
        var badInfo = new InfoBuffer(bad.InfoKeys);
        bad.ResetInto(0, new float[1], badInfo);
        bad.StepInto(0, new float[1], badInfo);
        bad.StepInto(0, new float[1], badInfo);
        Assert.Equal(["The obs returned by the `reset()` method is not within the observation space Box(0, 1, (1), float32): [5].", "The obs returned by the `step()` method is not within the observation space Box(0, 1, (1), float32): [5]."], bad.Warnings);
    }

    [Fact]
    public void Wrappers_forward_spec_generator_and_unwrapped_and_reject_missing_array_paths()
    {
        var raw = new CartPoleEnv();
        var wrapped = new TimeLimit<float[], int>(new RecordEpisodeStatistics<float[], int>(raw), 10);
        wrapped.Reset(seed: 4);
        Assert.Same(raw, wrapped.Unwrapped);
        Assert.Same(raw.NpRandom, wrapped.NpRandom);
        Assert.Equal(4, wrapped.NpRandomSeed);
        var noArrayPath = new TimeLimit<float[], int>(new GenericTestEnv(), 3);
        Assert.False(noArrayPath.ArrayPathAvailable);
        Assert.Contains("does not implement IArrayEnv", Assert.Throws<NotSupportedException>(() => noArrayPath.InfoKeys).Message);
    }

    /// <summary>A scalar observation space for the transform test.</summary>
    private sealed class ScalarSpace : Space<double>
    {
        public override IReadOnlyList<int> Shape => [];

        public override double Sample() => Random.NextDouble();

        public override bool Contains(double value) => value >= 0;

        public override bool Equals(Space? other) => other is ScalarSpace;

        public override int GetHashCode() => 1;

        public override System.Text.Json.Nodes.JsonObject ToJsonNode() => new() { ["type"] = "Scalar" };
    }

    /// <summary>An env with Discrete(4) observations that moves up by one per step.</summary>
    private sealed class DiscreteObservationEnv : Env<int, int>
    {
        private int _state;

        public override Space<int> ActionSpace { get; } = new Discrete(2);

        public override Space<int> ObservationSpace { get; } = new Discrete(4);

        public override ResetResult<int> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null)
        {
            SeedRandom(seed);
            _state = 2;
            return new(_state, new Info());
        }

        public override StepResult<int> Step(int action) => new(++_state % 4, 0, false, false, new Info());
    }

    /// <summary>An array env whose observations lie outside its own space.</summary>
    private sealed class OutOfBoxEnv() : ArrayEnv(new Box<float>(0f, 1f, 1), new Discrete(1))
    {
        protected override void OnReset(Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options) => observation[0] = 5;

        protected override StepOutcome OnStep(int action, Span<float> observation, InfoBuffer info)
        {
            observation[0] = 5;
            return new StepOutcome(0, false, false);
        }
    }
}
