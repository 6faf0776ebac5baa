using System.Collections.Concurrent;

namespace Linter.Core.Simulation;

/// <summary>
/// Values computed once per key on first use, safe when rules run in parallel: two threads asking for the same key at
/// once may both compute it, but both get the one value stored. <paramref name="compute"/> must depend on the key only.
/// </summary>
internal sealed class Memo<TKey, TValue>(Func<TKey, TValue> compute, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new(comparer ?? EqualityComparer<TKey>.Default);

    public TValue this[TKey key] => _values.TryGetValue(key, out var value) ? value : _values.GetOrAdd(key, compute);

    /// <summary>A memo that already holds the values computed for these keys (<paramref name="values"/>[i] for <paramref name="keys"/>[i]).</summary>
    public static Memo<TKey, TValue> Knowing(Func<TKey, TValue> compute, IReadOnlyList<TKey> keys, TValue[] values)
    {
        var memo = new Memo<TKey, TValue>(compute);
        for (var i = 0; i < keys.Count; i++)
        {
            memo._values.TryAdd(keys[i], values[i]);
        }

        return memo;
    }
}
