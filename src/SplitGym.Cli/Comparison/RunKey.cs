using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// The identity of one run of a comparison: which agent, on which registered env, with which seed.
/// It names the run's result file and decides, by a stable hash, which shard of a sharded comparison
/// computes it, so every process of a job array agrees on the split without talking to the others.
/// </summary>
/// <param name="Agent">Agent name from <see cref="AgentCatalog"/>.</param>
/// <param name="EnvId">Registered env id.</param>
/// <param name="Seed">Seed of training and (offset) evaluation.</param>
public sealed partial record RunKey(string Agent, string EnvId, int Seed)
{
    /// <summary>The file-name-safe text form, e.g. <c>ppo__SplitInference-A-k1-v0__seed0</c>.</summary>
    [JsonIgnore]
    public string Name => $"{Agent}__{EnvId.Replace('/', '_')}__seed{Seed}";

    /// <summary>The paper's channel case letter (L, H or A) when the env is a <c>SplitInference-{case}-k{K}-v0</c> id, else null.</summary>
    [JsonIgnore]
    public string? Case => CaseIdPattern().Match(EnvId) is { Success: true } match ? match.Groups["case"].Value : null;

    /// <summary>The action half-width K (2K+1 actions) when the env is a <c>SplitInference-{case}-k{K}-v0</c> id, else null.</summary>
    [JsonIgnore]
    public int? ActionHalfWidth => CaseIdPattern().Match(EnvId) is { Success: true } match ? match.Groups["k"].Value[0] - '0' : null;

    /// <summary>
    /// A hash of <see cref="Name"/> that is the same in every process and on every machine (32-bit FNV-1a
    /// over UTF-8; <see cref="string.GetHashCode()"/> is randomised per process), non-negative.
    /// </summary>
    [JsonIgnore]
    public int StableHash
    {
        get
        {
            uint hash = 2166136261;
            foreach (byte b in Encoding.UTF8.GetBytes(Name))
                hash = (hash ^ b) * 16777619;
            return (int)(hash & 0x7FFF_FFFF);
        }
    }

    [GeneratedRegex(@"^SplitInference-(?<case>[LHA])-k(?<k>[1-9])-v\d+$")]
    private static partial Regex CaseIdPattern();
}
