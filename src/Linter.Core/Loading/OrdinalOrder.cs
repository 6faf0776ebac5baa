namespace Linter.Core.Loading;

/// <summary>Paths in ordinal order: a folder walk mostly lists them so already, and checking is cheaper than sorting.</summary>
internal static class OrdinalOrder
{
    /// <summary>Each item's key is ordinally greater than the one before it: sorting by the keys would change nothing.</summary>
    public static bool IsStrictlyIncreasing<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (string.CompareOrdinal(key(items[i - 1]), key(items[i])) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}
