namespace Linter.Core.Loading;

/// <summary>
/// What the model keeps for the whole run is an exact-size array, and the shared empty array when there is nothing:
/// a list per field (most of them empty) was a quarter of the objects the garbage collector traced at scale.
/// </summary>
internal static class Kept
{
    public static IReadOnlyList<T> Of<T>(List<T> items) => items.Count == 0 ? Array.Empty<T>() : items.ToArray();

    /// <summary>What <paramref name="select"/> gives for each item, without the nulls (no iterator for the many empty fields).</summary>
    public static T[] Present<TItem, T>(TItem[] items, Func<TItem, T?> select)
        where T : class
    {
        if (items.Length == 0)
        {
            return [];
        }

        var kept = new T[items.Length];
        var count = 0;
        foreach (var item in items)
        {
            if (select(item) is { } value)
            {
                kept[count++] = value;
            }
        }

        return First(kept, count);
    }

    /// <summary>The first <paramref name="count"/> items of an array that was sized for the most it could hold.</summary>
    public static T[] First<T>(T[] items, int count)
    {
        if (count == items.Length)
        {
            return items;
        }

        if (count == 0)
        {
            return [];
        }

        Array.Resize(ref items, count);
        return items;
    }
}
