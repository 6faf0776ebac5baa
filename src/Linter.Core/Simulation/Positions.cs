namespace Linter.Core.Simulation;

/// <summary>
/// Where a snapshot lists each of its objects of one kind, for its tables of values by position: an object's own
/// position when it is this list's (no hash), otherwise, for an object that another snapshot has listed since, a table
/// by identity built on the first such look-up.
/// </summary>
internal sealed class Positions<T>(IReadOnlyList<T> items, Func<T, int> position)
    where T : class
{
    private Dictionary<T, int>? _byIdentity;

    public int Count => items.Count;

    /// <summary>The item's index in the list (its last, for an item listed twice); throws for an item the list lacks.</summary>
    public int Of(T item) => IndexOf(item) is var at and >= 0 ? at : throw new KeyNotFoundException($"{item} is not part of this snapshot.");

    /// <summary>The item's index in the list (its last, for an item listed twice), or -1.</summary>
    public int IndexOf(T item)
    {
        var at = position(item);
        if ((uint)at < (uint)items.Count && ReferenceEquals(items[at], item))
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
        var byIdentity = new Dictionary<T, int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            byIdentity[items[i]] = i;
        }

        return byIdentity;
    }
}
