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

#if NET
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StringTable() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(string text, int start, int length)
    {
        if (length > MaxLength)
        {
            return text.Substring(start, length);
        }

        var chars = text.AsSpan(start, length);
        if (_lookup.TryGetValue(chars, out var known))
        {
            return known;
        }

        if (_strings.Count >= MaxCount)
        {
            _strings.Clear();
        }

        var added = chars.ToString();
        _strings.Add(added);
        return added;
    }
#else
    // netstandard2.0 has no look-up by characters: an open-addressed table of strings keyed by a hash of the characters.
    private string?[] _slots = new string?[1024];
    private int _count;

    private StringTable()
    {
    }

    public string Get(string text, int start, int length)
    {
        if (length > MaxLength)
        {
            return text.Substring(start, length);
        }

        var hash = 17;
        for (var i = 0; i < length; i++)
        {
            hash = (hash * 31) + text[start + i];
        }

        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var known = _slots[slot];
            if (known is null)
            {
                break;
            }

            if (known.Length == length && string.CompareOrdinal(known, 0, text, start, length) == 0)
            {
                return known;
            }
        }

        if (_count >= MaxCount || _count * 2 >= _slots.Length)
        {
            Grow();
        }

        var added = text.Substring(start, length);
        var at = hash & (_slots.Length - 1);
        while (_slots[at] is not null)
        {
            at = (at + 1) & (_slots.Length - 1);
        }

        _slots[at] = added;
        _count++;
        return added;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new string?[_count >= MaxCount ? 1024 : old.Length * 2];
        var kept = _count;
        _count = 0;
        if (kept >= MaxCount)
        {
            return;
        }

        foreach (var known in old)
        {
            if (known is not null)
            {
                Get(known, 0, known.Length);
            }
        }
    }
#endif
}
