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

    public Memo(Func<TKey, TValue> compute, IEqualityComparer<TKey>? comparer = null)
    {
        _compute = compute;
        _values = new(comparer ?? EqualityComparer<TKey>.Default);
    }

    public TValue this[TKey key] => _values.TryGetValue(key, out var value) ? value : _values.GetOrAdd(key, _compute);
}
