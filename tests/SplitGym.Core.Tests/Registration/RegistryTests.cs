using SplitGym.Core.Classic;
using SplitGym.Core.Registration;
using SplitGym.Core.Tests.TestEnvs;
using SplitGym.Core.Vector;
using SplitGym.Core.Wrappers;

namespace SplitGym.Core.Tests.Registration;

public sealed class RegistryTests
{
    [Theory]
    [InlineData("")]
    [InlineData("CartPole")]
    [InlineData("CartPole-v")]
    [InlineData("CartPole-vX")]
    [InlineData("CartPole-v1.0")]
    [InlineData("/CartPole-v1")]
    [InlineData("a/b/CartPole-v1")]
    [InlineData("Cart Pole-v1")]
    [InlineData("-v1")]
    public void Malformed_ids_are_rejected_naming_the_id_and_the_expected_form(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => Registry.Default.Make(id));
        Assert.StartsWith($"Malformed environment id '{id}': expected '[Namespace/]Name-vN'", error.Message);
    }

    [Fact]
    public void Ids_parse_into_namespace_name_and_version()
    {
        Assert.Equal(new EnvId("SplitGym", "Split.Inference", 12), EnvId.Parse("SplitGym/Split.Inference-v12"));
        Assert.Equal(new EnvId(null, "CartPole", 1), EnvId.Parse("CartPole-v1"));
    }

    [Fact]
    public void Unknown_ids_name_the_registered_versions_or_ids()
    {
        Assert.Equal("Environment 'CartPole-v0' is not registered, but these versions of it are: CartPole-v1.",
            Assert.Throws<KeyNotFoundException>(() => Registry.Default.Make("CartPole-v0")).Message);
        Assert.StartsWith("No environment registered with id 'Pendulum-v1'. Registered ids: ",
            Assert.Throws<KeyNotFoundException>(() => Registry.Default.Make("Pendulum-v1")).Message);
    }

    [Fact]
    public void Make_wraps_in_gymnasiums_order_and_records_the_spec()
    {
        var env = Registry.Default.Make<float[], int>(CartPoleEnv.Id);
        var timeLimit = Assert.IsType<TimeLimit<float[], int>>(env);
        var order = Assert.IsType<OrderEnforcing<float[], int>>(timeLimit.Inner);
        var checker = Assert.IsType<PassiveEnvChecker<float[], int>>(order.Inner);
        Assert.IsType<CartPoleEnv>(checker.Inner);
        Assert.Equal("<TimeLimit<OrderEnforcing<PassiveEnvChecker<CartPoleEnv<CartPole-v1>>>>>", env.ToString());
        Assert.Equal(500, timeLimit.MaxEpisodeSteps);
        Assert.Equal(475.0, env.Unwrapped.Spec!.RewardThreshold);
        Assert.Same(env.Unwrapped.Spec, env.Spec);
    }

    [Fact]
    public void Make_applies_overrides_and_rejects_unknown_or_mistyped_ones()
    {
        var env = Registry.Default.Make<float[], int>(CartPoleEnv.Id, new Dictionary<string, object?> { ["sutton_barto_reward"] = true }, maxEpisodeSteps: 7, disableEnvChecker: true);
        env.Reset(seed: 0);
        Assert.Equal(0.0, env.Step(1).Reward);
        Assert.IsType<OrderEnforcing<float[], int>>(((TimeLimit<float[], int>)env).Inner);
        Assert.Equal("CartPole-v1 does not accept the argument(s) 'gravity'; its factory never read them.",
            Assert.Throws<ArgumentException>(() => Registry.Default.Make(CartPoleEnv.Id, new Dictionary<string, object?> { ["gravity"] = 1.6 })).Message);
        Assert.Equal("Environment argument 'sutton_barto_reward' must be a Boolean, got 3 (Int32).",
            Assert.Throws<ArgumentException>(() => Registry.Default.Make(CartPoleEnv.Id, new Dictionary<string, object?> { ["sutton_barto_reward"] = 3 })).Message);
    }

    [Fact]
    public void Kwargs_convert_numbers_and_report_mismatches()
    {
        var kwargs = new EnvKwargs([KeyValuePair.Create<string, object?>("lambda", 2), KeyValuePair.Create<string, object?>("name", "x")]);
        Assert.Equal(2.0, kwargs.Get("lambda", 0.0));
        Assert.Equal(5, kwargs.Get("missing", 5));
        Assert.Equal("Environment argument 'name' must be a Double, got x (String).", Assert.Throws<ArgumentException>(() => kwargs.Get("name", 0.0)).Message);
    }

    [Fact]
    public void Typed_make_and_make_vec_fail_clearly_for_other_types()
    {
        Assert.StartsWith("CartPole-v1 makes TimeLimit`2 with observation space Box(",
            Assert.Throws<InvalidCastException>(() => Registry.Default.Make<double[], int>(CartPoleEnv.Id)).Message);
        var registry = new Registry();
        registry.Register("Generic-v0", kw => new GenericTestEnv(kw.RenderMode));
        Assert.StartsWith("MakeVec needs envs with a float32 Box observation and a Discrete action (IArrayEnv); Generic-v0 has",
            Assert.Throws<NotSupportedException>(() => registry.MakeVec("Generic-v0", 2)).Message);
        Assert.Contains("already registered", Assert.Throws<ArgumentException>(() => registry.Register("Generic-v0", kw => new GenericTestEnv())).Message);
        Assert.Contains("render mode 'ansi' but the env's RenderMode is 'null'",
            Assert.Throws<ArgumentException>(() => RenderIgnoringRegistry().Make("Ignores-v0", renderMode: "ansi")).Message);
    }

    [Fact]
    public void MakeVec_builds_sync_or_async_vectors_of_the_full_stack()
    {
        using var sync = Registry.Default.MakeVec(CartPoleEnv.Id, 3);
        using var parallel = Registry.Default.MakeVec(CartPoleEnv.Id, 3, VectorMode.Async, AutoresetMode.SameStep);
        Assert.IsType<SyncVectorEnv>(sync);
        Assert.Equal(AutoresetMode.SameStep, Assert.IsType<AsyncVectorEnv>(parallel).Autoreset);
        Assert.All(sync.Envs, e => Assert.IsType<TimeLimit<float[], int>>(e));
        Assert.Equal(12, sync.Reset(seed: 3).Observations.Length);
    }

    private static Registry RenderIgnoringRegistry()
    {
        var registry = new Registry();
        registry.Register("Ignores-v0", _ => new GenericTestEnv());
        return registry;
    }
}
