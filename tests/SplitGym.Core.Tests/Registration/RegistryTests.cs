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

    [Fact]
    public void Registered_kwargs_are_merged_with_make_overrides_and_overrides_win()
    {
        var registry = new Registry();
        EnvKwargs? seen = null;
        registry.Register("Kwargs-v0", kw => { seen = kw; kw.Get("a", 0); kw.Get("b", 0); kw.Get("c", 0); return new GenericTestEnv(kw.RenderMode); },
            kwargs: new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 });
        var env = registry.Make("Kwargs-v0", new Dictionary<string, object?> { ["b"] = 20, ["c"] = 30 });
        Assert.Equal((1, 20, 30), (seen!.Get("a", 0), seen.Get("b", 0), seen.Get("c", 0)));
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1, ["b"] = 20, ["c"] = 30 }, env.Spec!.Kwargs);
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 }, registry.Spec("Kwargs-v0").Kwargs);
    }

    [Fact]
    public void Specs_differing_only_in_kwargs_are_not_equal_and_equal_specs_hash_alike()
    {
        var spec = Registry.Default.Spec(CartPoleEnv.Id);
        var barto = spec with { Kwargs = new Dictionary<string, object?> { ["sutton_barto_reward"] = true } };
        var bartoAgain = spec with { Kwargs = new Dictionary<string, object?> { ["sutton_barto_reward"] = true } };
        var twoKeys = spec with { Kwargs = new Dictionary<string, object?> { ["sutton_barto_reward"] = true, ["render_mode"] = "ansi" } };
        var twoKeysReversed = spec with { Kwargs = new Dictionary<string, object?> { ["render_mode"] = "ansi", ["sutton_barto_reward"] = true } };
        Assert.NotEqual(spec, barto);
        Assert.NotEqual(barto, spec with { Kwargs = new Dictionary<string, object?> { ["sutton_barto_reward"] = false } });
        Assert.NotEqual(barto, twoKeys);
        Assert.Equal(barto, bartoAgain);
        Assert.Equal(barto.GetHashCode(), bartoAgain.GetHashCode());
        Assert.Equal(twoKeys, twoKeysReversed);
        Assert.Equal(twoKeys.GetHashCode(), twoKeysReversed.GetHashCode());
        Assert.NotEqual(Registry.Default.Make(CartPoleEnv.Id).Spec, Registry.Default.Make(CartPoleEnv.Id, renderMode: "ansi").Spec);
    }

    private static Registry RenderIgnoringRegistry()
    {
        var registry = new Registry();
        registry.Register("Ignores-v0", _ => new GenericTestEnv());
        return registry;
    }
}
