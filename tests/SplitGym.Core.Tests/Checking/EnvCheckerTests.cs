using SplitGym.Core.Checking;
using SplitGym.Core.Registration;
using SplitGym.Core.Spaces;
using SplitGym.Core.Tests.TestEnvs;
using SplitGym.Core.Wrappers;

namespace SplitGym.Core.Tests.Checking;

public sealed class EnvCheckerTests
{
    public static TheoryData<string, Func<IEnv>, string> Errors => BrokenEnvs.Errors;

    public static TheoryData<string, Func<IEnv>, string> Warnings => BrokenEnvs.Warnings;

    [Fact]
    public void A_correct_env_passes_with_only_the_no_spec_warning()
    {
        var warnings = EnvChecker.Check(new GenericTestEnv());
        Assert.Equal(["Not able to test alternative render modes due to the environment not having a spec. Try instantiating the environment through Registry.Make."], warnings);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Each_broken_env_is_rejected_with_a_clear_error(string fault, Func<IEnv> create, string expected)
    {
        using var env = create();
        var error = Assert.Throws<EnvCheckException>(() => EnvChecker.Check(env));
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{fault}: expected the message to contain \"{expected}\" but it was \"{error.Message}\"");
    }

    [Theory]
    [MemberData(nameof(Warnings))]
    public void Each_suspicious_env_gets_a_clear_warning(string fault, Func<IEnv> create, string expected)
    {
        using var env = create();
        var warnings = EnvChecker.Check(env);
        Assert.True(warnings.Any(w => w.Contains(expected, StringComparison.Ordinal)), $"{fault}: expected a warning containing \"{expected}\"; got: {string.Join(" | ", warnings)}");
    }

    [Fact]
    public void A_nan_reward_is_also_reported_by_the_passive_checker()
    {
        var env = new PassiveEnvChecker<float[], int>(new GenericTestEnv { StepFunc = (e, a) => new StepResult<float[]>([0.5f], double.NaN, false, false, new Info()) });
        env.Reset(seed: 1);
        env.Step(0);
        Assert.Contains("The reward is a NaN value.", env.Warnings);
    }

    [Theory]
    [InlineData(-1f, 1f, false)]
    [InlineData(0f, 1f, false)]
    [InlineData(-0.5f, 0.5f, false)]
    [InlineData(-2f, 2f, true)]
    [InlineData(0f, 2f, true)]
    [InlineData(0.5f, 1f, true)]
    [InlineData(-1f, 0.5f, true)]
    public void Box_action_spaces_are_recommended_symmetric_and_within_minus_one_to_one(float low, float high, bool warned)
    {
        var warnings = EnvChecker.Check(new BoxActionEnv(new Box<float>(low, high, 2)));
        Assert.Equal(warned, warnings.Any(w => w.StartsWith("For Box action spaces, we recommend", StringComparison.Ordinal)));
    }

    [Fact]
    public void Only_vector_box_action_spaces_get_the_normalisation_recommendation()
    {
        var warnings = EnvChecker.Check(new BoxActionEnv(new Box<float>(-2f, 2f, 2, 2)));
        Assert.DoesNotContain(warnings, w => w.StartsWith("For Box action spaces", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(WellFormedFrames))]
    public void Well_formed_frames_get_no_render_warning(string mode, object? frame)
    {
        var warnings = EnvChecker.Check(BrokenEnvs.Rendering(mode, frame));
        Assert.Equal(["Not able to test alternative render modes due to the environment not having a spec. Try instantiating the environment through Registry.Make."], warnings);
    }

    public static TheoryData<string, object?> WellFormedFrames => new()
    {
        { "human", null },
        { "ansi", "frame" },
        { "rgb_array", new byte[4, 5, 3] },
        { "depth_array", new float[4, 5] },
        { "rgb_array_list", new List<byte[,,]> { new byte[4, 5, 3], new byte[4, 5, 3] } },
        { "ansi_list", new[] { "a", "b" } },
        { "depth_array_list", new List<double[,]>() },
    };

    [Fact]
    public void A_nan_reward_error_carries_the_passive_warning()
    {
        var error = Assert.Throws<EnvCheckException>(() => EnvChecker.Check(new GenericTestEnv { StepFunc = (e, a) => new StepResult<float[]>([0.5f], double.NaN, false, false, new Info()) }));
        Assert.Contains("The reward is a NaN value.", error.Warnings);
        Assert.Contains($"Warnings raised before this error:{Environment.NewLine}- The reward is a NaN value.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_without_earlier_warnings_has_none_attached()
    {
        var error = Assert.Throws<EnvCheckException>(() => EnvChecker.Check(new GenericTestEnv { StepFunc = (e, a) => new StepResult<float[]>([0.5f], 0, false, true, new Info()) }));
        Assert.Empty(error.Warnings);
        Assert.DoesNotContain("Warnings raised before this error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_double_close_that_throws_is_reported()
    {
        var registry = new Registry();
        registry.Register("Broken/DoubleClose-v0", kw => DoubleCloseEnv(kw.RenderMode));
        var env = (Env<float[], int>)registry.Make("Broken/DoubleClose-v0").Unwrapped;
        var warnings = EnvChecker.Check(env);
        Assert.Contains(warnings, w => w.StartsWith("Calling `env.Close()` on the closed environment should be allowed, but it raised an exception: ObjectDisposedException", StringComparison.Ordinal));
    }

    [Fact]
    public void Stepping_before_reset_is_stopped_by_the_make_stack()
    {
        var registry = new Registry();
        registry.Register("Broken/StepBeforeReset-v0", kw => new GenericTestEnv(kw.RenderMode) { StepsBeforeReset = true });
        Assert.Equal(0.0, new GenericTestEnv { StepsBeforeReset = true }.Step(0).Reward);
        var env = registry.Make<float[], int>("Broken/StepBeforeReset-v0");
        var error = Assert.Throws<ResetNeededException>(() => env.Step(0));
        Assert.Equal("Cannot call env.Step() before calling env.Reset().", error.Message);
    }

    [Fact]
    public void An_env_that_steps_before_reset_passes_once_wrapped_in_order_enforcing()
    {
        var warnings = EnvChecker.Check(new OrderEnforcing<float[], int>(new GenericTestEnv { StepsBeforeReset = true }));
        Assert.Contains(warnings, w => w.Contains("is different from the unwrapped version", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("before the first `env.Reset()`", StringComparison.Ordinal));
    }

    [Fact]
    public void The_step_before_reset_probe_is_skipped_with_a_warning_on_an_env_already_reset()
    {
        var env = new GenericTestEnv { StepsBeforeReset = true };
        env.Reset(seed: 0);
        Assert.Equal(
            [
                "The env was already reset, so the step-before-reset check was skipped; pass a fresh env (never reset) to EnvChecker.Check.",
                "Not able to test alternative render modes due to the environment not having a spec. Try instantiating the environment through Registry.Make.",
            ],
            EnvChecker.Check(env));
    }

    [Fact]
    public void Nondeterministic_specs_skip_the_determinism_checks()
    {
        var registry = new Registry();
        var random = new Random();
        registry.Register("Noisy-v0", kw => new GenericTestEnv(kw.RenderMode) { StepFunc = (e, a) => new StepResult<float[]>([(float)random.NextDouble()], 0, false, false, new Info()) }, nondeterministic: true);
        var env = (Env<float[], int>)registry.Make("Noisy-v0").Unwrapped;
        Assert.DoesNotContain(EnvChecker.Check(env), w => w.Contains("Deterministic", StringComparison.Ordinal));
    }

    private static GenericTestEnv DoubleCloseEnv(string? renderMode)
    {
        var closed = false;
        return new GenericTestEnv(renderMode)
        {
            CloseFunc = _ =>
            {
                ObjectDisposedException.ThrowIf(closed, typeof(GenericTestEnv));
                closed = true;
            },
        };
    }
}
