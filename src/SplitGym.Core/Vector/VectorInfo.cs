namespace SplitGym.Core.Vector;

/// <summary>
/// Batched info of a vector env, in Gymnasium's layout: for each key a column of one value per
/// sub-env plus a presence mask (Gymnasium's <c>infos["_key"]</c>) saying which sub-envs set it.
/// The arrays are reused every step, so nothing is allocated on the hot path.
/// </summary>
public sealed class VectorInfo
{
    private readonly string[] _keys;
    private readonly double[][] _values;
    private readonly bool[][] _present;

    /// <summary>Creates empty columns for <paramref name="keys"/> and <paramref name="numEnvs"/> sub-envs.</summary>
    public VectorInfo(IReadOnlyList<string> keys, int numEnvs)
    {
        _keys = [.. keys];
        _values = [.. _keys.Select(_ => new double[numEnvs])];
        _present = [.. _keys.Select(_ => new bool[numEnvs])];
    }

    /// <summary>The key names, in column order.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The value column of <paramref name="key"/> (entries are meaningful where <see cref="Mask(string)"/> is true).</summary>
    public double[] Values(string key) => _values[IndexOf(key)];

    /// <summary>The presence mask of <paramref name="key"/>.</summary>
    public bool[] Mask(string key) => _present[IndexOf(key)];

    /// <summary>The value column at key index <paramref name="keyIndex"/>.</summary>
    public double[] Values(int keyIndex) => _values[keyIndex];

    /// <summary>The presence mask at key index <paramref name="keyIndex"/>.</summary>
    public bool[] Mask(int keyIndex) => _present[keyIndex];

    /// <summary>The column index of <paramref name="key"/>; unknown keys fail with the known ones.</summary>
    public int IndexOf(string key)
    {
        var index = Array.IndexOf(_keys, key);
        return index >= 0
            ? index
            : throw new KeyNotFoundException($"No info key '{key}'; keys: [{string.Join(", ", _keys)}].");
    }

    /// <summary>Copies the info of sub-env <paramref name="env"/> into row <paramref name="env"/>.</summary>
    internal void SetRow(int env, InfoBuffer info)
    {
        for (var k = 0; k < _keys.Length; k++)
        {
            _present[k][env] = info.IsPresent(k);
            _values[k][env] = info[k];
        }
    }

    /// <summary>Marks every key absent in row <paramref name="env"/>.</summary>
    internal void ClearRow(int env)
    {
        for (var k = 0; k < _keys.Length; k++)
        {
            _present[k][env] = false;
        }
    }
}
