using System.Collections.Concurrent;

namespace Linter.Core.Simulation;

/// <summary>
/// Values computed once per key on first use, safe when rules run in parallel: two threads asking for the same key at
/// once may both compute it, but both get the one value stored. The computation must depend on the key only.
/// </summary>
internal sealed class Memo<TKey, TValue>
    where TKey : notnull
{
    private readonly Func<TKey, TValue> _compute;
    private readonly ConcurrentDictionary<TKey, TValue> _values;

    /// <summary>An empty memo; <paramref name="capacity"/>, the number of keys expected, spares the table growing step by step (copying every entry at each step).</summary>
    public Memo(Func<TKey, TValue> compute, IEqualityComparer<TKey>? comparer = null, int capacity = 0)
    {
        _compute = compute;
        _values = capacity > 0
            ? new(Environment.ProcessorCount, capacity, comparer ?? EqualityComparer<TKey>.Default)
            : new(comparer ?? EqualityComparer<TKey>.Default);
    }

    /// <summary>A memo that already holds the values computed for these keys (<paramref name="values"/>[i] for <paramref name="keys"/>[i]).</summary>
    public Memo(Func<TKey, TValue> compute, IReadOnlyList<TKey> keys, TValue[] values)
    {
        _compute = compute;
        _values = new(Environment.ProcessorCount, keys.Count, EqualityComparer<TKey>.Default);
        for (var i = 0; i < keys.Count; i++)
        {
            _values.TryAdd(keys[i], values[i]);
        }
    }

    public TValue this[TKey key] => _values.TryGetValue(key, out var value) ? value : _values.GetOrAdd(key, _compute);
}
