namespace Linter.Core.Loading;

/// <summary>
/// One string per distinct short text read on a thread: mapping keys and short values (<c>metadata</c>, <c>name</c>,
/// <c>app</c>, <c>TCP</c>) repeat in every file, and a repeat is looked up by its characters without a new string.
/// </summary>
internal sealed class StringTable
{
    /// <summary>Longer texts are rarely repeated: they get their own string.</summary>
    public const int MaxLength = 32;

    /// <summary>Past this many strings the table starts again, so a run over many distinct values stays bounded.</summary>
    private const int MaxCount = 1 << 16;

    [ThreadStatic]
    private static StringTable? _current;

    public static StringTable Current => _current ??= new StringTable();

    private StringTable()
    {
    }

#if NET
    // Open addressing in a table of a power of two slots, doubled when half full. Written out rather than as a
    // HashSet's look-up by characters (AlternateLookup): the runtime compiles that generic code on every run, at its
    // first tier, where it ran several times slower than this code, which is compiled ahead with kubelint.
    private string?[] _slots = new string?[256];
    private int _count;

    public string Get(string text, int start, int length)
    {
        if (length > MaxLength)
        {
            return text.Substring(start, length);
        }

        var chars = text.AsSpan(start, length);
        var hash = string.GetHashCode(chars);
        var at = Slot(chars, hash);
        if (_slots[at] is { } known)
        {
            return known;
        }

        if (_count >= MaxCount)
        {
            Array.Clear(_slots);
            _count = 0;
        }
        else if (_count * 2 >= _slots.Length)
        {
            Grow();
            at = Slot(chars, hash);
        }

        var added = chars.ToString();
        _slots[at] = added;
        _count++;
        return added;
    }

    /// <summary>The slot that holds these characters, or the empty one where they go.</summary>
    private int Slot(ReadOnlySpan<char> chars, int hash)
    {
        var mask = _slots.Length - 1;
        var at = hash & mask;
        while (_slots[at] is { } known && !chars.Equals(known.AsSpan(), StringComparison.Ordinal))
        {
            at = (at + 1) & mask;
        }

        return at;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new string?[old.Length * 2];
        foreach (var known in old)
        {
            if (known is not null)
            {
                _slots[Slot(known.AsSpan(), string.GetHashCode(known.AsSpan()))] = known;
            }
        }
    }
#else
    // netstandard2.0 (the Roslyn analyzer, a few files at a time): no sharing there.
    public string Get(string text, int start, int length) => text.Substring(start, length);
#endif
}
