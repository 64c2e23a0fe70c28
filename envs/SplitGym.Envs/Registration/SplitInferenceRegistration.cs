using SplitGym.Core.Registration;
using SplitGym.Envs.Channel;

namespace SplitGym.Envs.Registration;

/// <summary>
/// Registers the split-inference ids: <c>SplitInference-v0</c> (case A, K = 1) and
/// <c>SplitInference-{L|H|A}-k{1|2|3}-v0</c> for the paper's cases and action spaces, all on the
/// shipped calibrated table with a 32-step time limit, and <c>SplitInferenceAuthors-v0</c>, the
/// authors' released environment on the erasure table with 5-step episodes. Everything else is a keyword argument
/// (<see cref="SplitInferenceKwargs"/>).
/// </summary>
public static class SplitInferenceRegistration
{
    /// <summary>The id with every default.</summary>
    public const string DefaultId = "SplitInference-v0";

    /// <summary>The authors' released environment (<see cref="SplitInferencePresets.Authors"/>) on the erasure table.</summary>
    public const string AuthorsId = "SplitInferenceAuthors-v0";

    private static readonly Lock Gate = new();
    private static bool _registeredDefault;

    /// <summary>Every id this class registers.</summary>
    public static IReadOnlyList<string> Ids { get; } =
    [
        DefaultId,
        .. from channelCase in new[] { ChannelCase.Low, ChannelCase.High, ChannelCase.All }
           from k in new[] { 1, 2, 3 }
           select CaseId(channelCase, k),
        AuthorsId,
    ];

    /// <summary>The id of a case and action size, e.g. <c>SplitInference-A-k1-v0</c>.</summary>
    public static string CaseId(ChannelCase channelCase, int k) => $"SplitInference-{channelCase.Letter()}-k{k}-v0";

    /// <summary>Registers the ids in <see cref="Registry.Default"/> once per process (later calls do nothing).</summary>
    public static Registry RegisterDefaults()
    {
        lock (Gate)
        {
            if (!_registeredDefault)
            {
                Register(Registry.Default);
                _registeredDefault = true;
            }
        }
        return Registry.Default;
    }

    /// <summary>Registers the ids in <paramref name="registry"/>.</summary>
    public static void Register(Registry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Add(registry, DefaultId, new Dictionary<string, object?>());
        foreach (var channelCase in new[] { ChannelCase.Low, ChannelCase.High, ChannelCase.All })
        {
            for (int k = 1; k <= 3; k++)
            {
                Add(registry, CaseId(channelCase, k), new Dictionary<string, object?> { ["case"] = channelCase.Letter(), ["k"] = k });
            }
        }
        Add(registry, AuthorsId, new Dictionary<string, object?> { ["preset"] = "authors", ["variant"] = "erasure" }, SplitInferencePresets.Authors.EpisodeLength);
    }

    private static void Add(Registry registry, string id, Dictionary<string, object?> kwargs, int steps = SplitInferenceOptions.DefaultEpisodeLength) =>
        registry.Register(id, SplitInferenceKwargs.Create, maxEpisodeSteps: steps, kwargs: kwargs);
}
