using System.Globalization;
using SplitGym.Core.Registration;
using SplitGym.Core.Spaces;

namespace SplitGym.Core.Classic;

/// <summary>
/// The classic cart-pole balancing task with Gymnasium's <c>CartPole-v1</c> dynamics and bounds,
/// shipped so that agents and the vector envs can be tested and benchmarked on a known task.
/// </summary>
/// <remarks>
/// <para><b>Description.</b> A pole is attached by an un-actuated joint to a cart moving along a
/// frictionless track; the goal is to keep the pole upright by pushing the cart left or right
/// (Barto, Sutton and Anderson, 1983).</para>
/// <para><b>Action Space.</b> <c>Discrete(2)</c>: 0 pushes the cart left, 1 pushes it right, with a
/// force of 10 N.</para>
/// <para><b>Observation Space.</b> <c>Box(float32[4])</c>: cart position (m, ±4.8), cart velocity
/// (m/s, unbounded), pole angle (rad, ±0.418 ≈ ±24°), pole angular velocity (rad/s, unbounded).</para>
/// <para><b>Rewards.</b> +1 for every step, including the terminating one (with
/// <c>sutton_barto_reward</c>: 0 per step and −1 on termination).</para>
/// <para><b>Starting State.</b> Every state variable uniform in [−0.05, 0.05] (reset options
/// <c>low</c>/<c>high</c> change the range).</para>
/// <para><b>Episode End.</b> Terminated when the pole angle leaves ±12° or the cart position leaves
/// ±2.4 m; truncated after 500 steps by <c>TimeLimit</c> when made through the registry. Step before
/// the first Reset throws <see cref="ResetNeededException"/> (Gymnasium's CartPole asserts that its
/// state is set).</para>
/// <para><b>Arguments.</b> <c>render_mode</c> ("ansi" or null), <c>sutton_barto_reward</c> (bool).
/// Registered as <c>CartPole-v1</c> with a reward threshold of 475.</para>
/// <para><b>Why it ships in the library.</b> Agents, the <c>bench</c> command and the benchmarks
/// use it as a known, cheap task, so it lives in SplitGym.Core rather than in the test project
/// (Gymnasium also ships CartPole in the library); its tests check that it passes
/// <see cref="Checking.EnvChecker"/> raw and as registered.</para>
/// </remarks>
public sealed class CartPoleEnv : ArrayEnv
{
    /// <summary>The id under which <see cref="Register"/> registers the env.</summary>
    public const string Id = "CartPole-v1";

    private const double Gravity = 9.8;
    private const double MassCart = 1.0;
    private const double MassPole = 0.1;
    private const double TotalMass = MassCart + MassPole;
    private const double HalfPoleLength = 0.5;
    private const double PoleMassLength = MassPole * HalfPoleLength;
    private const double ForceMagnitude = 10.0;
    private const double Tau = 0.02;
    private const double ThetaThresholdRadians = 12 * 2 * Math.PI / 360;
    private const double XThreshold = 2.4;

    private static readonly EnvMetadata CartPoleMetadata = new(["ansi"], RenderFps: 50);

    private readonly bool _suttonBartoReward;
    private double _x, _xDot, _theta, _thetaDot;
    private int? _stepsBeyondTerminated;

    /// <summary>Creates the env; <paramref name="renderMode"/> must be null or "ansi".</summary>
    public CartPoleEnv(string? renderMode = null, bool suttonBartoReward = false)
        : base(CreateObservationSpace(), new Discrete(2), renderMode: renderMode)
    {
        if (renderMode is not null && !CartPoleMetadata.RenderModes.Contains(renderMode))
        {
            throw new ArgumentException($"Unsupported render mode '{renderMode}'; CartPole supports: {string.Join(", ", CartPoleMetadata.RenderModes)}.", nameof(renderMode));
        }
        _suttonBartoReward = suttonBartoReward;
    }

    /// <inheritdoc />
    public override EnvMetadata Metadata => CartPoleMetadata;

    /// <summary>Registers <c>CartPole-v1</c> (500-step limit, reward threshold 475) in <paramref name="registry"/>.</summary>
    public static void Register(Registry registry) =>
        registry.Register(
            Id,
            kwargs => new CartPoleEnv(kwargs.RenderMode, kwargs.Get("sutton_barto_reward", false)),
            maxEpisodeSteps: 500,
            rewardThreshold: 475.0);

    /// <summary>An "ansi" frame: the state as text; null when no render mode was chosen.</summary>
    public override object? Render()
    {
        if (RenderMode is null)
        {
            EnvWarnings.Emit($"You are calling Render() without specifying any render mode; make the env with renderMode: \"ansi\".");
            return null;
        }
        return string.Create(CultureInfo.InvariantCulture, $"x={_x:F3} x_dot={_xDot:F3} theta={_theta:F4} theta_dot={_thetaDot:F4}");
    }

    /// <inheritdoc />
    protected override void OnReset(Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options)
    {
        var (low, high) = ResetBounds(options);
        _x = NpRandom.NextUniform(low, high);
        _xDot = NpRandom.NextUniform(low, high);
        _theta = NpRandom.NextUniform(low, high);
        _thetaDot = NpRandom.NextUniform(low, high);
        _stepsBeyondTerminated = null;
        WriteObservation(observation);
    }

    /// <inheritdoc />
    protected override StepOutcome OnStep(int action, Span<float> observation, InfoBuffer info)
    {
        Integrate(action == 1 ? ForceMagnitude : -ForceMagnitude);
        WriteObservation(observation);
        var terminated = _x < -XThreshold || _x > XThreshold || _theta < -ThetaThresholdRadians || _theta > ThetaThresholdRadians;
        return new StepOutcome(Reward(terminated), terminated, false);
    }

    private void Integrate(double force)
    {
        var cosTheta = Math.Cos(_theta);
        var sinTheta = Math.Sin(_theta);
        var temp = (force + PoleMassLength * _thetaDot * _thetaDot * sinTheta) / TotalMass;
        var thetaAcc = (Gravity * sinTheta - cosTheta * temp)
            / (HalfPoleLength * (4.0 / 3.0 - MassPole * cosTheta * cosTheta / TotalMass));
        var xAcc = temp - PoleMassLength * thetaAcc * cosTheta / TotalMass;
        _x += Tau * _xDot;
        _xDot += Tau * xAcc;
        _theta += Tau * _thetaDot;
        _thetaDot += Tau * thetaAcc;
    }

    private double Reward(bool terminated)
    {
        if (!terminated)
        {
            return _suttonBartoReward ? 0.0 : 1.0;
        }
        if (_stepsBeyondTerminated is null)
        {
            _stepsBeyondTerminated = 0;
            return _suttonBartoReward ? -1.0 : 1.0;
        }
        if (_stepsBeyondTerminated == 0)
        {
            EnvWarnings.Emit("You are calling Step() even though this environment has already returned terminated = true; call Reset() once you receive terminated = true, further steps are undefined behaviour.");
        }
        _stepsBeyondTerminated++;
        return _suttonBartoReward ? -1.0 : 0.0;
    }

    private void WriteObservation(Span<float> observation)
    {
        observation[0] = (float)_x;
        observation[1] = (float)_xDot;
        observation[2] = (float)_theta;
        observation[3] = (float)_thetaDot;
    }

    private static (double Low, double High) ResetBounds(IReadOnlyDictionary<string, object?>? options)
    {
        var low = ReadOption(options, "low", -0.05);
        var high = ReadOption(options, "high", 0.05);
        if (!(low <= high))
        {
            throw new ArgumentException($"CartPole reset option 'low' ({low}) must not exceed 'high' ({high}).", nameof(options));
        }
        return (low, high);
    }

    private static double ReadOption(IReadOnlyDictionary<string, object?>? options, string key, double defaultValue) =>
        options is not null && options.TryGetValue(key, out var value) && value is not null
            ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
            : defaultValue;

    private static Box<float> CreateObservationSpace()
    {
        float[] high = [(float)(XThreshold * 2), float.PositiveInfinity, (float)(ThetaThresholdRadians * 2), float.PositiveInfinity];
        return new Box<float>([.. high.Select(h => -h)], high);
    }
}
