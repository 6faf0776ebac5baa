namespace Linter.Core.Loading;

/// <summary>
/// What the model keeps for the whole run is an exact-size array, and the shared empty array when there is nothing:
/// a list per field (most of them empty) was a quarter of the objects the garbage collector traced at scale.
/// </summary>
internal static class Kept
{
    public static IReadOnlyList<T> Of<T>(List<T> items) => items.Count == 0 ? Array.Empty<T>() : items.ToArray();

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
