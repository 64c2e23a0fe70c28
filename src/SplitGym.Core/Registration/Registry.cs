using SplitGym.Core.Classic;
using SplitGym.Core.Vector;

namespace SplitGym.Core.Registration;

/// <summary>
/// Environment ids mapped to factories, as Gymnasium's registry: <see cref="Register{TObs, TAct}"/>
/// an id once, then <see cref="Make"/> it anywhere with the standard wrapper stack.
/// <see cref="Default"/> ships with <c>CartPole-v1</c>.
/// </summary>
public sealed class Registry
{
    private static readonly Lazy<Registry> DefaultRegistry = new(CreateDefault);
    private readonly Dictionary<string, EnvSpec> _specs = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The process-wide registry, pre-populated with the classic-control envs SplitGym ships.</summary>
    public static Registry Default => DefaultRegistry.Value;

    /// <summary>All registered specs.</summary>
    public IReadOnlyList<EnvSpec> Specs
    {
        get
        {
            lock (_lock)
            {
                return [.. _specs.Values];
            }
        }
    }

    /// <summary>Registers <paramref name="id"/>; re-registering an id is an error (ids name one fixed env).</summary>
    /// <param name="id">Id of the form <c>[Namespace/]Name-vN</c>.</param>
    /// <param name="factory">Builds the raw env from the kwargs (which include <c>render_mode</c> when one is requested).</param>
    /// <param name="maxEpisodeSteps">Episode step limit applied by <see cref="Make"/> (null: none).</param>
    /// <param name="rewardThreshold">Return at which the task counts as solved.</param>
    /// <param name="nondeterministic">True when a seed does not make the env deterministic.</param>
    /// <param name="kwargs">Default keyword arguments for the factory.</param>
    /// <param name="orderEnforce">Whether <see cref="Make"/> adds <c>OrderEnforcing</c>.</param>
    /// <param name="disableEnvChecker">Whether <see cref="Make"/> omits <c>PassiveEnvChecker</c>.</param>
    public EnvSpec Register<TObs, TAct>(
        string id,
        Func<EnvKwargs, Env<TObs, TAct>> factory,
        int? maxEpisodeSteps = null,
        double? rewardThreshold = null,
        bool nondeterministic = false,
        IReadOnlyDictionary<string, object?>? kwargs = null,
        bool orderEnforce = true,
        bool disableEnvChecker = false)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (maxEpisodeSteps is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxEpisodeSteps), maxEpisodeSteps, "maxEpisodeSteps must be positive (or null for no limit).");
        }
        var spec = new EnvSpec(EnvId.Parse(id), new EnvBuilder<TObs, TAct>(factory))
        {
            MaxEpisodeSteps = maxEpisodeSteps,
            RewardThreshold = rewardThreshold,
            Nondeterministic = nondeterministic,
            Kwargs = kwargs is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(kwargs),
            OrderEnforce = orderEnforce,
            DisableEnvChecker = disableEnvChecker,
        };
        lock (_lock)
        {
            if (!_specs.TryAdd(spec.Id, spec))
            {
                throw new ArgumentException($"Environment id '{spec.Id}' is already registered; register a new version (e.g. -v{spec.ParsedId.Version + 1}) instead of overwriting.", nameof(id));
            }
        }
        return spec;
    }

    /// <summary>The spec of <paramref name="id"/>; unknown ids fail with the closest registered ids.</summary>
    public EnvSpec Spec(string id)
    {
        var parsed = EnvId.Parse(id);
        lock (_lock)
        {
            if (_specs.TryGetValue(parsed.ToString(), out var spec))
            {
                return spec;
            }
            throw new KeyNotFoundException(UnknownIdMessage(parsed));
        }
    }

    /// <summary>Builds <paramref name="id"/> with Gymnasium's wrapper stack (see <see cref="EnvSpec.Make"/>).</summary>
    public IEnv Make(string id, IReadOnlyDictionary<string, object?>? overrides = null, string? renderMode = null, int? maxEpisodeSteps = null, bool? disableEnvChecker = null) =>
        Spec(id).Make(renderMode, overrides, maxEpisodeSteps, disableEnvChecker);

    /// <summary>As <see cref="Make"/>, typed; fails clearly when the env has other observation/action types.</summary>
    public Env<TObs, TAct> Make<TObs, TAct>(string id, IReadOnlyDictionary<string, object?>? overrides = null, string? renderMode = null, int? maxEpisodeSteps = null, bool? disableEnvChecker = null)
    {
        var env = Make(id, overrides, renderMode, maxEpisodeSteps, disableEnvChecker);
        if (env is Env<TObs, TAct> typed)
        {
            return typed;
        }
        env.Close();
        throw new InvalidCastException($"{id} makes {env.GetType().Name} with observation space {env.ObservationSpace} and action space {env.ActionSpace}, not an Env<{typeof(TObs).Name}, {typeof(TAct).Name}>.");
    }

    /// <summary>
    /// <paramref name="numEnvs"/> copies of <paramref name="id"/> (each with the full Make stack) in a
    /// vector env on the allocation-free array path; the env must have a float32 Box observation and
    /// a Discrete action.
    /// </summary>
    /// <param name="id">The env id.</param>
    /// <param name="numEnvs">The number of sub-envs.</param>
    /// <param name="mode">Sync (one thread) or Async (worker threads).</param>
    /// <param name="autoreset">What happens when a sub-env's episode ends.</param>
    /// <param name="overrides">Keyword arguments for every sub-env.</param>
    /// <param name="maxEpisodeSteps">Overrides the spec's step limit.</param>
    /// <param name="wrappers">Applied to each made sub-env (e.g. RecordEpisodeStatistics); must keep the array path.</param>
    public VectorEnv MakeVec(
        string id,
        int numEnvs,
        VectorMode mode = VectorMode.Sync,
        AutoresetMode autoreset = AutoresetMode.NextStep,
        IReadOnlyDictionary<string, object?>? overrides = null,
        int? maxEpisodeSteps = null,
        Func<Env<float[], int>, Env<float[], int>>? wrappers = null)
    {
        if (numEnvs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numEnvs), numEnvs, "A vector env needs at least one sub-environment.");
        }
        var envs = new List<IArrayEnv>(numEnvs);
        try
        {
            for (var i = 0; i < numEnvs; i++)
            {
                var env = Make<float[], int>(id, overrides, maxEpisodeSteps: maxEpisodeSteps);
                envs.Add(AsArrayEnv(id, wrappers is null ? env : wrappers(env)));
            }
            return mode == VectorMode.Async ? new AsyncVectorEnv(envs, autoreset) : new SyncVectorEnv(envs, autoreset);
        }
        catch
        {
            envs.ForEach(e => e.Close());
            throw;
        }
    }

    private static IArrayEnv AsArrayEnv(string id, IEnv env)
    {
        if (env is IArrayEnv { ArrayPathAvailable: true } array)
        {
            return array;
        }
        env.Close();
        throw new NotSupportedException($"MakeVec needs envs with a float32 Box observation and a Discrete action (IArrayEnv); {id} has observation space {env.ObservationSpace} and action space {env.ActionSpace}.");
    }

    private string UnknownIdMessage(EnvId id)
    {
        var sameName = _specs.Values.Where(s => s.ParsedId.Name == id.Name && s.ParsedId.Namespace == id.Namespace).Select(s => s.Id).ToList();
        if (sameName.Count > 0)
        {
            return $"Environment '{id}' is not registered, but these versions of it are: {string.Join(", ", sameName)}.";
        }
        var known = _specs.Count == 0 ? "(none)" : string.Join(", ", _specs.Keys.Order(StringComparer.Ordinal));
        return $"No environment registered with id '{id}'. Registered ids: {known}.";
    }

    private static Registry CreateDefault()
    {
        var registry = new Registry();
        CartPoleEnv.Register(registry);
        return registry;
    }
}
