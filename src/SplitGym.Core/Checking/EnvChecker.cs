using SplitGym.Core.Spaces;

namespace SplitGym.Core.Checking;

/// <summary>
/// Checks that an environment follows the API, as Gymnasium's <c>check_env</c>: spaces, reset
/// return values, seeded-reset determinism including the generator state, reset options, step
/// return values, step determinism under a seed, render modes and double close. Violations where
/// Gymnasium raises throw <see cref="EnvCheckException"/>; where Gymnasium warns, the warning is
/// returned. Run it on the raw env (<c>env.Unwrapped</c>) in a unit test of every new env.
/// </summary>
/// <remarks>
/// Differences from Gymnasium, all stricter: an env without a spec is treated as deterministic
/// (Gymnasium skips the observation comparison of seeded resets then); exceptions thrown by the
/// env during a check are reported as <see cref="EnvCheckException"/> naming the call; a fresh env
/// (never reset) is stepped once before its first reset and must throw an
/// <see cref="InvalidOperationException"/> (Gymnasium leaves this to <c>OrderEnforcing</c>; an env
/// already reset gets the warning <see cref="StepBeforeResetSkipped"/> instead); and an
/// error carries the warnings raised before it (Gymnasium has already logged them by then).
/// </remarks>
public static class EnvChecker
{
    private const int Seed = 123;
    private const int OtherSeed = 456;

    /// <summary>The warning given when the env was reset before the check, so the step-before-reset probe could not run.</summary>
    public const string StepBeforeResetSkipped = "The env was already reset, so the step-before-reset check was skipped; pass a fresh env (never reset) to EnvChecker.Check.";

    /// <summary>Runs every check on <paramref name="env"/>; returns the warnings, throws on the first error.</summary>
    /// <param name="env">The environment (preferably unwrapped).</param>
    /// <param name="skipRenderCheck">Skip the render checks.</param>
    /// <param name="skipCloseCheck">Skip the double-close check (which needs a spec to make a fresh env).</param>
    public static IReadOnlyList<string> Check<TObs, TAct>(Env<TObs, TAct> env, bool skipRenderCheck = false, bool skipCloseCheck = false)
    {
        ArgumentNullException.ThrowIfNull(env);
        var warnings = new List<string>();
        try
        {
            RunChecks(new CheckRun<TObs, TAct>(env, warnings.Add), skipRenderCheck, skipCloseCheck);
        }
        catch (EnvCheckException e) when (warnings.Count > 0)
        {
            throw e.WithWarnings(warnings);
        }
        return warnings;
    }

    /// <summary>
    /// Runs every check on an env known only as <see cref="IEnv"/> (e.g. from <c>Registry.Make</c>);
    /// same as <see cref="Check{TObs, TAct}"/>.
    /// </summary>
    public static IReadOnlyList<string> Check(IEnv env, bool skipRenderCheck = false, bool skipCloseCheck = false) =>
        env is ICheckable checkable
            ? checkable.RunEnvChecker(skipRenderCheck, skipCloseCheck)
            : throw new EnvCheckException($"The environment must derive from Env<TObs, TAct>, actual type: {env?.GetType().Name ?? "null"}.");

    private static void RunChecks<TObs, TAct>(CheckRun<TObs, TAct> run, bool skipRenderCheck, bool skipCloseCheck)
    {
        run.CheckUnwrapped();
        run.CheckSpaces();
        run.CheckStepBeforeReset();
        run.CheckResetReturnType();
        run.CheckResetSeedDeterminism();
        run.CheckResetOptions();
        run.CheckPassiveResetAndStep();
        run.CheckStepDeterminism();
        if (!skipRenderCheck)
        {
            run.CheckRender();
        }
        if (!skipCloseCheck)
        {
            run.CheckDoubleClose();
        }
    }

    private sealed class CheckRun<TObs, TAct>(Env<TObs, TAct> env, Action<string> warn)
    {
        public void CheckUnwrapped() =>
            WarnUnless(ReferenceEquals(env.Unwrapped, env), $"The environment ({env}) is different from the unwrapped version ({env.Unwrapped}). This could affect the environment checker as the environment most likely has a wrapper applied to it. We recommend using the raw environment for the check (env.Unwrapped).");

        public void CheckSpaces()
        {
            var actionSpace = Call("env.ActionSpace", () => (Space?)env.ActionSpace);
            PassiveChecks.CheckActionSpace(actionSpace, warn);
            CheckSpaceLimit(actionSpace!, "action");
            var observationSpace = Call("env.ObservationSpace", () => (Space?)env.ObservationSpace);
            PassiveChecks.CheckObservationSpace(observationSpace, warn);
            CheckSpaceLimit(observationSpace!, "observation");
        }

        /// <summary>
        /// On a fresh env, Step must throw an InvalidOperationException: there is no state to step from.
        /// An env that was already reset cannot show this, so the skipped probe is reported rather than
        /// passed over silently.
        /// </summary>
        public void CheckStepBeforeReset()
        {
            if (env.Unwrapped is ICheckable { ResetCalled: true })
            {
                warn(StepBeforeResetSkipped);
                return;
            }
            var action = env.ActionSpace.Sample();
            try
            {
                env.Step(action);
            }
            catch (InvalidOperationException)
            {
                return;
            }
            catch (Exception e)
            {
                warn($"`env.Step({action})` before the first `env.Reset()` threw {e.GetType().Name}: {e.Message}. Throw an InvalidOperationException such as ResetNeededException saying that Reset must come first, or wrap the env in OrderEnforcing.");
                return;
            }
            throw new EnvCheckException($"`env.Step({action})` before the first `env.Reset()` returned a result instead of raising: an env has no state before its first reset. Throw an InvalidOperationException such as ResetNeededException from Step until Reset has been called (ArrayEnv does), or wrap the env in OrderEnforcing.");
        }

        public void CheckResetReturnType()
        {
            var (observation, info) = Call("env.Reset()", () => env.Reset());
            Require(env.ObservationSpace.Contains(observation), $"The first element returned by `env.Reset()` is not within the observation space {env.ObservationSpace}.");
            Require(info is not null, "The second element returned by `env.Reset()` was not a dictionary, actual value: null.");
        }

        public void CheckResetSeedDeterminism()
        {
            var obs1 = ResetInSpace(Seed);
            Require(env.Unwrapped.NpRandomSeed == Seed, $"Expects the random number generator to have been seeded with {Seed} given a seed was passed to Reset, but NpRandomSeed is {env.Unwrapped.NpRandomSeed?.ToString() ?? "null"}. Most likely the environment's Reset does not call SeedRandom(seed).");
            var rng1 = env.Unwrapped.NpRandom.State;
            var obs2 = ResetInSpace(null);
            var obs3 = ResetInSpace(Seed);
            var rng3 = env.Unwrapped.NpRandom.State;
            var obs4 = ResetInSpace(null);
            if (env.Spec is not { Nondeterministic: true })
            {
                Require(DataEquivalence.Equivalent(obs1, obs3), $"Using `env.Reset(seed: {Seed})` is non-deterministic as the observations are not equivalent.");
                Require(DataEquivalence.Equivalent(obs2, obs4), $"Using `env.Reset(seed: {Seed})` then `env.Reset()` is non-deterministic as the observations are not equivalent.");
                WarnUnless(DataEquivalence.Equivalent(obs1, obs3, exact: true), $"Using `env.Reset(seed: {Seed})` observations are not equal although similar.");
                WarnUnless(DataEquivalence.Equivalent(obs2, obs4, exact: true), $"Using `env.Reset(seed: {Seed})` then `env.Reset()` observations are not equal although similar.");
            }
            Require(rng1 == rng3, "Most likely the environment's Reset does not call SeedRandom(seed) as the random generators are not the same when the same seeds are passed to `env.Reset`.");
            ResetInSpace(OtherSeed);
            Require(env.Unwrapped.NpRandom.State != rng1, "Most likely the environment's Reset does not call SeedRandom(seed) as the random number generators are not different when different seeds are passed to `env.Reset`.");
        }

        public void CheckResetOptions() =>
            Call("env.Reset(options: {})", () => env.Reset(options: new Dictionary<string, object?>()));

        public void CheckPassiveResetAndStep()
        {
            var reset = Call("env.Reset()", () => env.Reset());
            PassiveChecks.CheckResetResult(reset.Observation, reset.Info, env.ObservationSpace, warn);
            var action = env.ActionSpace.Sample();
            var step = Call($"env.Step({action})", () => env.Step(action));
            PassiveChecks.CheckStepResult(step.Observation, step.Reward, step.Info, env.ObservationSpace, warn);
        }

        public void CheckStepDeterminism()
        {
            if (env.Spec is { Nondeterministic: true })
            {
                return;
            }
            env.ActionSpace.Seed(Seed);
            var action = env.ActionSpace.Sample();
            var first = SeededStep(action);
            var rngAfterFirst = env.Unwrapped.NpRandom.State;
            var second = SeededStep(action);
            Require(env.Unwrapped.NpRandom.State == rngAfterFirst, $"The env's NpRandom is not properly updated after step: its state after Reset(seed: {Seed}) and Step({action}) differs between two identical runs.");
            Require(DataEquivalence.Equivalent(first.Observation, second.Observation), "Deterministic step observations are not equivalent for the same seed and action.");
            WarnUnless(DataEquivalence.Equivalent(first.Observation, second.Observation, exact: true), "Step observations are not equal although similar given the same seed and action.");
            Require(first.Reward == second.Reward, RewardMismatch(first.Reward, second.Reward));
            Require(first.Terminated == second.Terminated, "Deterministic step termination are not equivalent for the same seed and action.");
            Require(!first.Truncated && !second.Truncated, "Environment truncates after 1 step, something has gone very wrong.");
            Require(DataEquivalence.Equivalent(first.Info, second.Info), "Deterministic step info are not equivalent for the same seed and action.");
            WarnUnless(DataEquivalence.Equivalent(first.Info, second.Info, exact: true), "Step info are not equal although similar given the same seed and action.");
        }

        public void CheckRender()
        {
            if (env.RenderMode is not null)
            {
                Call("env.Render()", () => PassiveChecks.CheckRender(env, warn));
            }
            if (env.Spec is null)
            {
                warn("Not able to test alternative render modes due to the environment not having a spec. Try instantiating the environment through Registry.Make.");
                return;
            }
            foreach (var mode in env.Metadata?.RenderModes ?? [])
            {
                using var other = MakeTyped(mode);
                Call($"Reset() of the env made with render mode '{mode}'", () => other.Reset());
                Call($"Render() of the env made with render mode '{mode}'", () => PassiveChecks.CheckRender(other, warn));
            }
        }

        public void CheckDoubleClose()
        {
            if (env.Spec is null)
            {
                return;
            }
            var other = env.Spec.Make();
            other.Close();
            try
            {
                other.Close();
            }
            catch (Exception e)
            {
                warn($"Calling `env.Close()` on the closed environment should be allowed, but it raised an exception: {e.GetType().Name}: {e.Message}");
            }
        }

        private TObs ResetInSpace(int? seed)
        {
            var call = seed is null ? "env.Reset()" : $"env.Reset(seed: {seed})";
            var observation = Call(call, () => env.Reset(seed)).Observation;
            Require(env.ObservationSpace.Contains(observation), $"The observation returned by `{call}` is not within the observation space {env.ObservationSpace}.");
            return observation;
        }

        private StepResult<TObs> SeededStep(TAct action)
        {
            Call($"env.Reset(seed: {Seed})", () => env.Reset(Seed));
            return Call($"env.Step({action})", () => env.Step(action));
        }

        private Env<TObs, TAct> MakeTyped(string renderMode)
        {
            var made = Call($"Spec.Make(renderMode: '{renderMode}')", () => env.Spec!.Make(renderMode));
            return made as Env<TObs, TAct> ?? throw new EnvCheckException($"Spec.Make for {env.Spec!.Id} built {made.GetType().Name}, not an Env<{typeof(TObs).Name}, {typeof(TAct).Name}> like the checked env.");
        }

        private void CheckSpaceLimit(Space space, string spaceType)
        {
            switch (space)
            {
                case IBox box:
                    CheckBoxLimit(box, space.Shape!.Count, spaceType);
                    break;
                case TupleSpace tuple:
                    tuple.Spaces.ToList().ForEach(s => CheckSpaceLimit(s, spaceType));
                    break;
                case DictSpace dict:
                    dict.Spaces.Values.ToList().ForEach(s => CheckSpaceLimit(s, spaceType));
                    break;
            }
        }

        private void CheckBoxLimit(IBox box, int rank, string spaceType)
        {
            var low = Enumerable.Range(0, box.Size).Select(box.LowerBound).ToList();
            var high = Enumerable.Range(0, box.Size).Select(box.UpperBound).ToList();
            WarnUnless(!low.Any(double.IsNegativeInfinity), $"A Box {spaceType} space minimum value is -infinity. This is probably too low.");
            WarnUnless(!high.Any(double.IsPositiveInfinity), $"A Box {spaceType} space maximum value is infinity. This is probably too high.");
            if (spaceType == "action" && rank == 1)
            {
                var unnormalised = low.Zip(high).Any(p => p.First != 0 && Math.Abs(p.First) != Math.Abs(p.Second))
                    || low.Any(l => l < -1) || high.Any(h => h > 1);
                WarnUnless(!unnormalised, "For Box action spaces, we recommend using a symmetric and normalized space (range=[-1, 1] or [0, 1]).");
            }
        }

        /// <summary>Why two rewards for the same seed and action differ; a NaN reward is named as the cause, since NaN never equals itself.</summary>
        private static string RewardMismatch(double first, double second) =>
            double.IsNaN(first) || double.IsNaN(second)
                ? $"Deterministic step rewards are not equivalent for the same seed and action: the reward is a NaN value ({first} vs {second}), and NaN never equals itself. Return a finite reward."
                : $"Deterministic step rewards are not equivalent for the same seed and action ({first} vs {second}).";

        private void WarnUnless(bool condition, string message)
        {
            if (!condition)
            {
                warn(message);
            }
        }

        private static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new EnvCheckException(message);
            }
        }

        private static T Call<T>(string what, Func<T> call)
        {
            try
            {
                return call();
            }
            catch (EnvCheckException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new EnvCheckException($"`{what}` threw {e.GetType().Name}: {e.Message}", e);
            }
        }
    }
}
