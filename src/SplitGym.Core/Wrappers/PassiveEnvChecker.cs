using SplitGym.Core.Checking;

namespace SplitGym.Core.Wrappers;

/// <summary>
/// Checks, without changing anything, that the env follows the API: its spaces at construction and
/// the first reset, step and render results (Gymnasium's <c>PassiveEnvChecker</c>, the innermost
/// wrapper of <c>Make</c>). Problems Gymnasium warns about go to <see cref="Warnings"/> and
/// <see cref="EnvWarnings"/>; violations Gymnasium asserts on throw <see cref="EnvCheckException"/>.
/// On the array path only the first reset and step are checked, so steady-state steps cost nothing.
/// </summary>
public sealed class PassiveEnvChecker<TObs, TAct> : ArrayPathWrapper<TObs, TAct>
{
    private readonly List<string> _warnings = [];
    private bool _checkedReset;
    private bool _checkedStep;
    private bool _checkedRender;

    /// <summary>Wraps <paramref name="inner"/> and checks its spaces immediately.</summary>
    public PassiveEnvChecker(Env<TObs, TAct> inner) : base(inner)
    {
        PassiveChecks.CheckActionSpace(inner.ActionSpace, Warn);
        PassiveChecks.CheckObservationSpace(inner.ObservationSpace, Warn);
    }

    /// <summary>The warnings raised so far.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <inheritdoc />
    public override ResetResult<TObs> Reset(int? seed = null, IReadOnlyDictionary<string, object?>? options = null)
    {
        var result = Inner.Reset(seed, options);
        if (!_checkedReset)
        {
            _checkedReset = true;
            PassiveChecks.CheckResetResult(result.Observation, result.Info, ObservationSpace, Warn);
        }
        return result;
    }

    /// <inheritdoc />
    public override StepResult<TObs> Step(TAct action)
    {
        var result = Inner.Step(action);
        if (!_checkedStep)
        {
            _checkedStep = true;
            PassiveChecks.CheckStepResult(result.Observation, result.Reward, result.Info, ObservationSpace, Warn);
        }
        return result;
    }

    /// <inheritdoc />
    public override void ResetInto(int? seed, Span<float> observation, InfoBuffer info, IReadOnlyDictionary<string, object?>? options = null)
    {
        InnerArray.ResetInto(seed, observation, info, options);
        if (!_checkedReset)
        {
            _checkedReset = true;
            CheckArrayObservation(observation, "reset");
        }
    }

    /// <inheritdoc />
    public override StepOutcome StepInto(int action, Span<float> observation, InfoBuffer info)
    {
        var outcome = InnerArray.StepInto(action, observation, info);
        if (!_checkedStep)
        {
            _checkedStep = true;
            CheckArrayObservation(observation, "step");
            PassiveChecks.CheckReward(outcome.Reward, Warn);
        }
        return outcome;
    }

    /// <inheritdoc />
    public override object? Render()
    {
        if (_checkedRender)
        {
            return Inner.Render();
        }
        _checkedRender = true;
        return PassiveChecks.CheckRender(Inner, Warn);
    }

    private void CheckArrayObservation(Span<float> observation, string methodName)
    {
        if (!ArrayObservationSpace.Contains(observation))
        {
            PassiveChecks.CheckObservation(observation.ToArray(), ArrayObservationSpace, methodName, Warn);
        }
    }

    private void Warn(string message)
    {
        _warnings.Add(message);
        EnvWarnings.Emit(message);
    }
}
