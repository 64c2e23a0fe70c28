namespace SplitGym.Core;

/// <summary>
/// A reusable, allocation-free info record for the array path (<see cref="IArrayEnv"/>): a fixed
/// list of named double scalars, each with a presence flag that is cleared before every reset and
/// step. It replaces a fresh <see cref="Info"/> dictionary per step on the vector hot path.
/// </summary>
/// <remarks>
/// Wrappers append their own keys after their inner env's keys, so an env's key <c>i</c> has
/// index <c>i</c> in any buffer built from the outermost <see cref="IArrayEnv.InfoKeys"/>.
/// </remarks>
public sealed class InfoBuffer
{
    private readonly string[] _keys;
    private readonly Dictionary<string, int> _indexOf;
    private readonly double[] _values;
    private readonly bool[] _present;

    /// <summary>Creates a buffer with the given keys (all absent).</summary>
    public InfoBuffer(IReadOnlyList<string> keys)
    {
        _keys = [.. keys];
        _indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (!_indexOf.TryAdd(_keys[i], i))
            {
                throw new ArgumentException($"Info key '{_keys[i]}' appears twice in [{string.Join(", ", _keys)}].", nameof(keys));
            }
        }
        _values = new double[_keys.Length];
        _present = new bool[_keys.Length];
    }

    /// <summary>The key names, in index order.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The number of keys.</summary>
    public int Count => _keys.Length;

    /// <summary>The value at <paramref name="index"/> (meaningful only when <see cref="IsPresent"/>).</summary>
    public double this[int index] => _values[index];

    /// <summary>The index of <paramref name="key"/>, or -1 when the buffer has no such key.</summary>
    public int IndexOf(string key) => _indexOf.TryGetValue(key, out var index) ? index : -1;

    /// <summary>Whether a value was set at <paramref name="index"/> since the last <see cref="Clear"/>.</summary>
    public bool IsPresent(int index) => _present[index];

    /// <summary>Sets the value at <paramref name="index"/> and marks it present.</summary>
    public void Set(int index, double value)
    {
        _values[index] = value;
        _present[index] = true;
    }

    /// <summary>Sets the value of <paramref name="key"/>; the key must be one of <see cref="Keys"/>.</summary>
    public void Set(string key, double value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            throw new KeyNotFoundException($"Info key '{key}' is not declared; declared keys: [{string.Join(", ", _keys)}].");
        }
        Set(index, value);
    }

    /// <summary>The value of <paramref name="key"/> when it is declared and present.</summary>
    public bool TryGet(string key, out double value)
    {
        var index = IndexOf(key);
        var present = index >= 0 && _present[index];
        value = present ? _values[index] : 0.0;
        return present;
    }

    /// <summary>Marks every key absent.</summary>
    public void Clear() => Array.Clear(_present);

    /// <summary>Copies the present values of <paramref name="source"/> (same keys) into this buffer, replacing its contents.</summary>
    public void CopyFrom(InfoBuffer source)
    {
        source._values.AsSpan().CopyTo(_values);
        source._present.AsSpan().CopyTo(_present);
    }

    /// <summary>The present entries as a fresh <see cref="Info"/> dictionary (allocates; single-env API only).</summary>
    public Info ToInfo()
    {
        var info = new Info();
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_present[i])
            {
                info[_keys[i]] = _values[i];
            }
        }
        return info;
    }
}
