using System.Collections.Concurrent;

namespace Linter.Core.Simulation;

/// <summary>
/// Values computed once per key on first use, safe when rules run in parallel: two threads asking for the same key at
/// once may both compute it, but both get the one value stored. <paramref name="compute"/> must depend on the key only;
/// <paramref name="known"/> holds values already computed for some keys.
/// </summary>
internal sealed class Memo<TKey, TValue>(Func<TKey, TValue> compute, IEqualityComparer<TKey>? comparer = null, IEnumerable<KeyValuePair<TKey, TValue>>? known = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = known is null
        ? new(comparer ?? EqualityComparer<TKey>.Default)
        : new(known, comparer ?? EqualityComparer<TKey>.Default);

    public TValue this[TKey key] => _values.TryGetValue(key, out var value) ? value : _values.GetOrAdd(key, compute);
}
