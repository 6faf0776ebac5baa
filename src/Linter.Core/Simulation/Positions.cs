namespace Linter.Core.Simulation;

/// <summary>
/// Where a snapshot lists each of its objects of one kind, for its tables of values by position. Each object is told its
/// position (an object listed twice keeps its last) and a look-up reads it back, without a hash; for an object that
/// another snapshot has numbered since, a table by identity is built on the first such look-up.
/// </summary>
internal sealed class Positions<T>
    where T : class
{
    private readonly IReadOnlyList<T> _items;
    private readonly Func<T, int> _position;
    private Dictionary<T, int>? _byIdentity;

    /// <summary>Numbers the items (<paramref name="number"/> stores a position, <paramref name="position"/> reads it).</summary>
    public Positions(IReadOnlyList<T> items, Func<T, int> position, Action<T, int> number)
    {
        (_items, _position) = (items, position);
        for (var i = 0; i < items.Count; i++)
        {
            number(items[i], i);
        }
    }

    public int Count => _items.Count;

    /// <summary>The item's index in the list (its last, for an item listed twice); throws for an item the list lacks.</summary>
    public int Of(T item) => IndexOf(item) is var at and >= 0 ? at : throw new KeyNotFoundException($"{item} is not part of this snapshot.");

    /// <summary>The item's index in the list (its last, for an item listed twice), or -1.</summary>
    public int IndexOf(T item)
    {
        var at = _position(item);
        if ((uint)at < (uint)_items.Count && ReferenceEquals(_items[at], item))
        {
            return at;
        }

        // Rules run in parallel: two threads may build the table at once, and either table serves.
        var byIdentity = Volatile.Read(ref _byIdentity);
        if (byIdentity is null)
        {
            byIdentity = ByIdentity();
            Interlocked.CompareExchange(ref _byIdentity, byIdentity, null);
        }

        return byIdentity.TryGetValue(item, out var found) ? found : -1;
    }

    private Dictionary<T, int> ByIdentity()
    {
        // Model objects compare by identity.
        var byIdentity = new Dictionary<T, int>(_items.Count);
        for (var i = 0; i < _items.Count; i++)
        {
            byIdentity[_items[i]] = i;
        }

        return byIdentity;
    }
}
