using System.Collections;
using System.Globalization;

namespace SplitGym.Core.Registration;

/// <summary>
/// The keyword arguments passed to an environment factory: the registered kwargs overlaid with the
/// caller's overrides (Gymnasium's <c>kwargs</c>). Typed access converts numbers (an int where a
/// double is expected) and fails with the key, the value and the expected type. The registry
/// rejects overrides the factory never read, so a misspelt option cannot be silently ignored.
/// </summary>
public sealed class EnvKwargs : IReadOnlyDictionary<string, object?>
{
    /// <summary>The key under which the render mode is passed (Gymnasium's <c>render_mode</c>).</summary>
    public const string RenderModeKey = "render_mode";

    private readonly Dictionary<string, object?> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>Creates the kwargs from key/value pairs.</summary>
    public EnvKwargs(IEnumerable<KeyValuePair<string, object?>> values) =>
        _values = new Dictionary<string, object?>(values, StringComparer.Ordinal);

    /// <summary>The requested render mode (null: no rendering).</summary>
    public string? RenderMode => Get<string?>(RenderModeKey, null);

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc />
    public IEnumerable<object?> Values => _values.Values;

    /// <inheritdoc />
    public object? this[string key] => Get<object?>(key, null);

    /// <summary>The keys nobody has read yet (used to reject unknown overrides).</summary>
    internal IEnumerable<string> UnreadKeys => _values.Keys.Where(k => !_read.Contains(k));

    /// <summary>The value of <paramref name="key"/> converted to <typeparamref name="T"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public T Get<T>(string key, T defaultValue)
    {
        _read.Add(key);
        if (!_values.TryGetValue(key, out var value))
        {
            return defaultValue;
        }
        return Convert<T>(key, value);
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out object? value)
    {
        _read.Add(key);
        return _values.TryGetValue(key, out value);
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        _read.UnionWith(_values.Keys);
        return _values.GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static T Convert<T>(string key, object? value)
    {
        if (value is T typed)
        {
            return typed;
        }
        if (value is null && default(T) is null)
        {
            return default!;
        }
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (value is IConvertible && value is not string && IsNumeric(target))
        {
            try
            {
                return (T)System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is OverflowException or InvalidCastException)
            {
                throw Mismatch<T>(key, value, e);
            }
        }
        throw Mismatch<T>(key, value, null);
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(int) || type == typeof(long) || type == typeof(decimal);

    private static ArgumentException Mismatch<T>(string key, object? value, Exception? inner) =>
        new($"Environment argument '{key}' must be a {typeof(T).Name}, got {value ?? "null"} ({value?.GetType().Name ?? "null"}).", inner);
}
