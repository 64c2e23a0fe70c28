using System.Globalization;
using System.Text;
using SplitGym.Agents;
using SplitGym.Analysis;
using SplitGym.Core.Registration;
using SplitGym.Envs;
using SplitGym.Llm.IO;

namespace SplitGym.Cli.Comparison;

/// <summary>
/// The data of the paper's Fig. 7 for one trained agent, <c>policy-map.csv</c> in its run folder: the
/// split its greedy policy settles on for every (σ, m, start split) of a grid over the env's channel
/// range (<see cref="PolicyMapSweep"/>), next to the best split p*. σ in the env's noise units, splits in layers.
/// </summary>
public static class PolicyMapFile
{
    /// <summary>The file name inside a run folder.</summary>
    public const string FileName = "policy-map.csv";

    /// <summary>The CSV header.</summary>
    public const string Header = "sigma,m,start_split,chosen_split,oracle_split,settled";

    /// <summary>σ values of the sweep, evenly spaced over the env's σ range.</summary>
    public const int SigmaPoints = 16;

    /// <summary>
    /// Sweeps <paramref name="agent"/> on a fresh <paramref name="envId"/> (16 σ evenly spaced, m at the
    /// ends and the geometric middle of the env's range, starts at both ends of the split range) and
    /// writes the points to <paramref name="path"/>; does nothing for envs that are not split-inference envs.
    /// </summary>
    /// <returns>True when the file was written.</returns>
    public static bool Sweep(IAgent agent, Registry registry, string envId, int seed, string path)
    {
        using var made = registry.Make(envId);
        if (made.Unwrapped is not SplitInferenceEnv env || env.Options.Drift is not null) return false;
        var range = env.ChannelRange;
        double[] sigmas = [.. Enumerable.Range(0, SigmaPoints).Select(i => range.SigmaMin + (range.SigmaMax - range.SigmaMin) * i / (SigmaPoints - 1))];
        double[] shapes = [.. new[] { range.ShapeMin, Math.Sqrt(range.ShapeMin * range.ShapeMax), range.ShapeMax }.Distinct()];
        Save(PolicyMapSweep.Run(agent, env, sigmas, shapes, seed: seed), path);
        return true;
    }

    /// <summary>Writes <paramref name="points"/> atomically.</summary>
    public static void Save(IReadOnlyList<PolicyMapPoint> points, string path)
    {
        var text = new StringBuilder().AppendLine(Header);
        foreach (var p in points)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{p.Sigma:R},{p.Shape:R},{p.StartSplit},{p.ChosenSplit},{p.OracleSplit},{(p.Settled ? 1 : 0)}"));
        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a policy map.</exception>
    public static IReadOnlyList<PolicyMapPoint> Load(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header) throw new InvalidDataException($"'{path}' is not a policy map: expected the header '{Header}'.");
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select((line, i) => Parse(line, path, i + 2))];
    }

    private static PolicyMapPoint Parse(string line, string path, int lineNumber)
    {
        var cells = line.Split(',');
        var culture = CultureInfo.InvariantCulture;
        if (cells.Length == 6 && double.TryParse(cells[0], NumberStyles.Float, culture, out double sigma) && double.TryParse(cells[1], NumberStyles.Float, culture, out double shape)
            && int.TryParse(cells[2], out int start) && int.TryParse(cells[3], out int chosen) && int.TryParse(cells[4], out int oracle) && cells[5] is "0" or "1")
            return new PolicyMapPoint(sigma, shape, start, chosen, oracle, cells[5] == "1");
        throw new InvalidDataException($"'{path}' line {lineNumber} is not 'sigma,m,start_split,chosen_split,oracle_split,settled': '{line}'.");
    }
}
