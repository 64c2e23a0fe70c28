using SplitGym.Core.Wrappers;

namespace SplitGym.Core.Registration;

/// <summary>Builds a registered env; the typed subclass knows the env's observation and action types so it can apply the typed wrappers.</summary>
internal abstract class EnvBuilder
{
    public abstract IEnv Build(EnvSpec spec, EnvKwargs kwargs);
}

/// <summary>Builds an <see cref="Env{TObs, TAct}"/> and wraps it in Gymnasium's <c>make</c> order.</summary>
internal sealed class EnvBuilder<TObs, TAct>(Func<EnvKwargs, Env<TObs, TAct>> factory) : EnvBuilder
{
    public override IEnv Build(EnvSpec spec, EnvKwargs kwargs)
    {
        var env = factory(kwargs) ?? throw new InvalidOperationException($"The factory of {spec.Id} returned null.");
        try
        {
            CheckArgumentsWereUsed(spec, kwargs, env);
        }
        catch
        {
            env.Close();
            throw;
        }
        env.Unwrapped.Spec = spec;
        Env<TObs, TAct> wrapped = env;
        if (!spec.DisableEnvChecker)
        {
            wrapped = new PassiveEnvChecker<TObs, TAct>(wrapped);
        }
        if (spec.OrderEnforce)
        {
            wrapped = new OrderEnforcing<TObs, TAct>(wrapped);
        }
        if (spec.MaxEpisodeSteps is int maxSteps)
        {
            wrapped = new TimeLimit<TObs, TAct>(wrapped, maxSteps);
        }
        return wrapped;
    }

    private static void CheckArgumentsWereUsed(EnvSpec spec, EnvKwargs kwargs, Env<TObs, TAct> env)
    {
        var unread = kwargs.UnreadKeys.Where(k => k != EnvKwargs.RenderModeKey).ToList();
        if (unread.Count > 0)
        {
            throw new ArgumentException($"{spec.Id} does not accept the argument(s) {string.Join(", ", unread.Select(k => $"'{k}'"))}; its factory never read them.");
        }
        var requested = kwargs.ContainsKey(EnvKwargs.RenderModeKey) ? kwargs.RenderMode : null;
        if (requested != env.RenderMode)
        {
            throw new ArgumentException($"{spec.Id} was made with render mode '{requested ?? "null"}' but the env's RenderMode is '{env.RenderMode ?? "null"}'; its factory must pass kwargs.RenderMode to the env.");
        }
    }
}
