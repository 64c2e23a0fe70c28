namespace SplitGym.Core.Registration;

/// <summary>
/// A registered environment, as Gymnasium's <c>EnvSpec</c>: its id, how to build it and the
/// settings <see cref="Registry.Make"/> applies (time limit, reward threshold, determinism flag).
/// </summary>
public sealed record EnvSpec
{
    internal EnvSpec(EnvId id, EnvBuilder builder)
    {
        ParsedId = id;
        Builder = builder;
    }

    /// <summary>The full id, e.g. <c>CartPole-v1</c>.</summary>
    public string Id => ParsedId.ToString();

    /// <summary>The id's parts.</summary>
    public EnvId ParsedId { get; }

    /// <summary>Steps after which <c>Make</c>'s <c>TimeLimit</c> truncates an episode (null: no limit).</summary>
    public int? MaxEpisodeSteps { get; init; }

    /// <summary>The episode return at which the task counts as solved (null: none).</summary>
    public double? RewardThreshold { get; init; }

    /// <summary>True when the env is not deterministic even with a seed (the checker then skips determinism checks).</summary>
    public bool Nondeterministic { get; init; }

    /// <summary>Whether <c>Make</c> adds <c>OrderEnforcing</c> (default true).</summary>
    public bool OrderEnforce { get; init; } = true;

    /// <summary>Whether <c>Make</c> omits the <c>PassiveEnvChecker</c> (default false).</summary>
    public bool DisableEnvChecker { get; init; }

    /// <summary>The keyword arguments passed to the factory (before the caller's overrides).</summary>
    public IReadOnlyDictionary<string, object?> Kwargs { get; init; } = new Dictionary<string, object?>();

    internal EnvBuilder Builder { get; }

    /// <summary>
    /// Builds the env as Gymnasium's <c>make</c>: factory(kwargs ∪ overrides), then
    /// <c>PassiveEnvChecker</c> → <c>OrderEnforcing</c> → <c>TimeLimit</c>.
    /// </summary>
    /// <param name="renderMode">Render mode passed to the factory as <c>render_mode</c>.</param>
    /// <param name="overrides">Keyword arguments replacing or adding to <see cref="Kwargs"/>.</param>
    /// <param name="maxEpisodeSteps">Overrides <see cref="MaxEpisodeSteps"/> when given.</param>
    /// <param name="disableEnvChecker">Overrides <see cref="DisableEnvChecker"/> when given.</param>
    public IEnv Make(string? renderMode = null, IReadOnlyDictionary<string, object?>? overrides = null, int? maxEpisodeSteps = null, bool? disableEnvChecker = null)
    {
        var kwargs = new Dictionary<string, object?>(Kwargs, StringComparer.Ordinal);
        foreach (var (key, value) in overrides ?? new Dictionary<string, object?>())
        {
            kwargs[key] = value;
        }
        if (renderMode is not null)
        {
            kwargs[EnvKwargs.RenderModeKey] = renderMode;
        }
        var spec = this with
        {
            Kwargs = kwargs,
            MaxEpisodeSteps = maxEpisodeSteps ?? MaxEpisodeSteps,
            DisableEnvChecker = disableEnvChecker ?? DisableEnvChecker,
        };
        return Builder.Build(spec, new EnvKwargs(kwargs));
    }

    /// <summary>
    /// Specs are equal when every setting <see cref="Make"/> uses is equal, keyword arguments
    /// included (compared by key, values by value with <see cref="KwargValueComparer"/>, so equal
    /// arrays or lists are equal arguments), as
    /// Gymnasium's dataclass <c>EnvSpec</c>; two makes with different overrides are different specs.
    /// </summary>
    public bool Equals(EnvSpec? other) =>
        other is not null && other.ParsedId == ParsedId && other.MaxEpisodeSteps == MaxEpisodeSteps
        && other.RewardThreshold == RewardThreshold && other.Nondeterministic == Nondeterministic
        && other.OrderEnforce == OrderEnforce && other.DisableEnvChecker == DisableEnvChecker
        && KwargsEqual(Kwargs, other.Kwargs);

    /// <summary>Combines the id, limits and the kwargs' keys and values independently of their order, consistent with <see cref="Equals(EnvSpec?)"/>.</summary>
    public override int GetHashCode() =>
        HashCode.Combine(ParsedId, MaxEpisodeSteps, RewardThreshold, Kwargs.Aggregate(0, (hash, p) => hash ^ HashCode.Combine(p.Key, KwargValueComparer.Instance.GetHashCode(p.Value))));

    private static bool KwargsEqual(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var value) && KwargValueComparer.Instance.Equals(p.Value, value));
}
