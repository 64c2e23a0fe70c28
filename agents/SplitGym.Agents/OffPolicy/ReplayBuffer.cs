using System.Globalization;
using SplitGym.Core;
using SplitGym.Llm.Checkpoints;
using static TorchSharp.torch;

namespace SplitGym.Agents.OffPolicy;

/// <summary>
/// A ring buffer of transitions (SB3's <c>ReplayBuffer</c>) in flat preallocated arrays: adding
/// overwrites the oldest transition, sampling draws uniform indices, both O(1) per transition.
/// <see cref="Terminals"/> is 1 only for real terminations; time-limit truncations store 0 with the
/// final observation as next observation, so the target bootstraps through them.
/// </summary>
public sealed class ReplayBuffer
{
    private readonly int _observationLength;
    private readonly float[] _observations, _nextObservations, _actions, _rewards, _terminals;

    /// <summary>Allocates <paramref name="capacity"/> transitions.</summary>
    public ReplayBuffer(int capacity, int observationLength)
    {
        Capacity = capacity;
        _observationLength = observationLength;
        _observations = new float[(long)capacity * observationLength];
        _nextObservations = new float[(long)capacity * observationLength];
        _actions = new float[capacity];
        _rewards = new float[capacity];
        _terminals = new float[capacity];
    }

    /// <summary>Maximum number of transitions.</summary>
    public int Capacity { get; }

    /// <summary>Transitions stored (≤ <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    /// <summary>Where the next transition goes.</summary>
    public int Position { get; private set; }

    /// <summary>Termination flags (1 terminal, 0 otherwise), for inspection.</summary>
    public ReadOnlySpan<float> Terminals => _terminals.AsSpan(0, Count);

    /// <summary>Next observations (the final observation where an episode ended), row-major, for inspection.</summary>
    public ReadOnlySpan<float> NextObservations => _nextObservations.AsSpan(0, Count * _observationLength);

    /// <summary>Adds one transition.</summary>
    public void Add(ReadOnlySpan<float> observation, ReadOnlySpan<float> nextObservation, int action, double reward, bool terminal)
    {
        observation.CopyTo(_observations.AsSpan(Position * _observationLength, _observationLength));
        nextObservation.CopyTo(_nextObservations.AsSpan(Position * _observationLength, _observationLength));
        _actions[Position] = action;
        _rewards[Position] = (float)reward;
        _terminals[Position] = terminal ? 1f : 0f;
        Position = (Position + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    /// <summary>Draws <see cref="ReplaySample.BatchSize"/> transitions uniformly with replacement into <paramref name="sample"/>.</summary>
    public void Sample(Rng rng, ReplaySample sample)
    {
        if (Count == 0) throw new InvalidOperationException("Cannot sample from an empty replay buffer.");
        int length = _observationLength;
        for (int k = 0; k < sample.BatchSize; k++)
        {
            int i = rng.NextInt(Count);
            _observations.AsSpan(i * length, length).CopyTo(sample.Observations.AsSpan(k * length, length));
            _nextObservations.AsSpan(i * length, length).CopyTo(sample.NextObservations.AsSpan(k * length, length));
            sample.Actions[k] = (long)_actions[i];
            sample.Rewards[k] = _rewards[i];
            sample.Terminals[k] = _terminals[i];
        }
    }

    /// <summary>Writes the stored transitions and the ring position to a safetensors file (atomically).</summary>
    public void Save(string path)
    {
        using var scope = NewDisposeScope();
        int n = Count;
        SafetensorsWriter.Write(path,
        [
            ("observations", tensor(_observations.AsSpan(0, n * _observationLength).ToArray(), [n, _observationLength])),
            ("next_observations", tensor(_nextObservations.AsSpan(0, n * _observationLength).ToArray(), [n, _observationLength])),
            ("actions", tensor(_actions.AsSpan(0, n).ToArray(), [n])),
            ("rewards", tensor(_rewards.AsSpan(0, n).ToArray(), [n])),
            ("terminals", tensor(_terminals.AsSpan(0, n).ToArray(), [n])),
        ], ScalarType.Float32, new Dictionary<string, string>
        {
            ["capacity"] = Capacity.ToString(CultureInfo.InvariantCulture),
            ["position"] = Position.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Replaces the content with the file written by <see cref="Save"/>; on failure the buffer is unchanged.</summary>
    /// <exception cref="InvalidDataException">The file lacks a tensor or was written for another capacity or observation length.</exception>
    public void Load(string path) => Stage(path)();

    /// <summary>
    /// Reads and checks the file written by <see cref="Save"/> without touching the buffer, and returns the
    /// action that puts its content in place (which cannot fail), so a checkpoint loads all or nothing.
    /// </summary>
    /// <exception cref="InvalidDataException">The file lacks a tensor or was written for another capacity or observation length.</exception>
    internal Action Stage(string path)
    {
        using var file = SafetensorsFile.Open(path);
        string[] names = ["observations", "next_observations", "actions", "rewards", "terminals"];
        var missing = names.Where(name => !file.Entries.ContainsKey(name)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"'{path}' lacks the replay buffer tensors {string.Join(", ", missing)}; expected {string.Join(", ", names)}.");
        int capacity = int.Parse(file.Metadata.GetValueOrDefault("capacity", "-1"), CultureInfo.InvariantCulture);
        int position = int.Parse(file.Metadata.GetValueOrDefault("position", "-1"), CultureInfo.InvariantCulture);
        int count = (int)file.Entries["actions"].Shape[0];
        if (capacity != Capacity || position < 0 || position >= Capacity || count > Capacity)
            throw new InvalidDataException($"'{path}' holds a replay buffer of capacity {capacity} at position {position} with {count} transitions; this agent's buffer has capacity {Capacity}.");
        long rows = (long)count * _observationLength;
        var observations = Read(file, names[0], rows, path);
        var nextObservations = Read(file, names[1], rows, path);
        var actions = Read(file, names[2], count, path);
        var rewards = Read(file, names[3], count, path);
        var terminals = Read(file, names[4], count, path);
        return () =>
        {
            observations.CopyTo(_observations, 0);
            nextObservations.CopyTo(_nextObservations, 0);
            actions.CopyTo(_actions, 0);
            rewards.CopyTo(_rewards, 0);
            terminals.CopyTo(_terminals, 0);
            Count = count;
            Position = position;
        };
    }

    private static float[] Read(SafetensorsFile file, string name, long expected, string path)
    {
        using var scope = NewDisposeScope();
        var values = file.ReadTensor(name).to(float32).data<float>().ToArray();
        if (values.LongLength != expected)
            throw new InvalidDataException($"Tensor '{name}' in '{path}' has {values.LongLength} values; expected {expected}.");
        return values;
    }
}
