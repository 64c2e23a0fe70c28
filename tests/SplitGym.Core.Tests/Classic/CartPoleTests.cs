using SplitGym.Core.Checking;
using SplitGym.Core.Classic;
using SplitGym.Core.Registration;

namespace SplitGym.Core.Tests.Classic;

public sealed class CartPoleTests
{
    [Fact]
    public void CartPole_passes_the_checker_raw_and_as_registered()
    {
        var rawWarnings = EnvChecker.Check(new CartPoleEnv());
        Assert.Contains(rawWarnings, w => w.StartsWith("A Box observation space maximum value is infinity", StringComparison.Ordinal));
        Assert.DoesNotContain(rawWarnings, w => w.Contains("before the first `env.Reset()`", StringComparison.Ordinal));
        var made = (CartPoleEnv)Registry.Default.Make(CartPoleEnv.Id).Unwrapped;
        var warnings = EnvChecker.Check(made);
        Assert.DoesNotContain(warnings, w => w.Contains("spec", StringComparison.Ordinal) || w.Contains("close", StringComparison.OrdinalIgnoreCase) || w.Contains("render", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Dynamics_follow_the_published_equations_step_by_step()
    {
        var env = new CartPoleEnv();
        var observation = env.Reset(options: new Dictionary<string, object?> { ["low"] = 0.02, ["high"] = 0.02 }).Observation;
        var reference = new ReferenceCartPole(0.02, 0.02, 0.02, 0.02);
        Assert.Equal(reference.Observation, observation);
        var actions = new Rng(9);
        for (var t = 1; ; t++)
        {
            var action = actions.NextInt(2);
            var step = env.Step(action);
            var terminated = reference.Step(action);
            Assert.Equal(reference.Observation, step.Observation);
            Assert.Equal(terminated, step.Terminated);
            Assert.Equal(1.0, step.Reward);
            if (terminated)
            {
                Assert.InRange(t, 8, 200);
                break;
            }
        }
    }

    [Fact]
    public void A_balancing_controller_is_truncated_at_exactly_500_steps()
    {
        var env = Registry.Default.Make<float[], int>(CartPoleEnv.Id);
        var (observation, _) = env.Reset(seed: 1);
        var total = 0.0;
        for (var t = 1; t <= 500; t++)
        {
            var step = env.Step(observation[2] + 0.5f * observation[3] + 0.01f * observation[0] + 0.1f * observation[1] > 0 ? 1 : 0);
            observation = step.Observation;
            total += step.Reward;
            Assert.False(step.Terminated, $"terminated at step {t}");
            Assert.Equal(t == 500, step.Truncated);
        }
        Assert.True(total >= Registry.Default.Spec(CartPoleEnv.Id).RewardThreshold);
    }

    [Fact]
    public void Stepping_past_termination_gives_zero_reward_and_a_warning()
    {
        var warnings = new List<string>();
        void Collect(string w) => warnings.Add(w);
        var env = new CartPoleEnv();
        env.Reset(seed: 0);
        StepResult<float[]> step;
        do
        {
            step = env.Step(1);
        }
        while (!step.Terminated);
        EnvWarnings.Emitted += Collect;
        try
        {
            Assert.Equal(0.0, env.Step(1).Reward);
            Assert.Equal(0.0, env.Step(1).Reward);
        }
        finally
        {
            EnvWarnings.Emitted -= Collect;
        }
        Assert.Single(warnings, w => w.StartsWith("You are calling Step() even though this environment has already returned terminated = true", StringComparison.Ordinal));
    }

    [Fact]
    public void Rendering_arguments_and_actions_are_validated()
    {
        var env = new CartPoleEnv("ansi");
        env.Reset(seed: 2);
        Assert.StartsWith("x=", Assert.IsType<string>(env.Render()));
        Assert.Contains("Unsupported render mode 'human'", Assert.Throws<ArgumentException>(() => new CartPoleEnv("human")).Message);
        Assert.Contains("Action 2 is not in the action space Discrete(2)", Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(2)).Message);
        Assert.Contains("'low' (1) must not exceed 'high' (0)", Assert.Throws<ArgumentException>(() => env.Reset(options: new Dictionary<string, object?> { ["low"] = 1, ["high"] = 0 })).Message);
    }

    [Fact]
    public void Stepping_before_the_first_reset_raises_on_both_paths()
    {
        var env = new CartPoleEnv();
        Assert.Contains("before Reset()", Assert.Throws<ResetNeededException>(() => env.Step(0)).Message);
        Assert.Throws<ResetNeededException>(() => env.StepInto(0, new float[4], new InfoBuffer([])));
        env.Reset(seed: 0);
        Assert.False(env.Step(0).Terminated);
    }

    /// <summary>
    /// An independent transcription of the frictionless cart-pole equations (Florian, "Correct
    /// equations for the dynamics of the cart-pole system", 2007, eqs. 23–24 with μ = 0) with
    /// explicit Euler steps of 0.02 s, as Gymnasium integrates them.
    /// </summary>
    private sealed class ReferenceCartPole(double x, double xDot, double theta, double thetaDot)
    {
        public float[] Observation => [(float)x, (float)xDot, (float)theta, (float)thetaDot];

        public bool Step(int action)
        {
            const double g = 9.8, mc = 1.0, mp = 0.1, l = 0.5, dt = 0.02;
            var f = action == 1 ? 10.0 : -10.0;
            var thetaAcc = (g * Math.Sin(theta) + Math.Cos(theta) * ((-f - mp * l * thetaDot * thetaDot * Math.Sin(theta)) / (mc + mp)))
                / (l * (4.0 / 3.0 - mp * Math.Pow(Math.Cos(theta), 2) / (mc + mp)));
            var xAcc = (f + mp * l * (thetaDot * thetaDot * Math.Sin(theta) - thetaAcc * Math.Cos(theta))) / (mc + mp);
            (x, xDot, theta, thetaDot) = (x + dt * xDot, xDot + dt * xAcc, theta + dt * thetaDot, thetaDot + dt * thetaAcc);
            return Math.Abs(x) > 2.4 || Math.Abs(theta) > 12 * Math.PI / 180;
        }
    }
}
