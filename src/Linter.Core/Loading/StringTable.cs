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
    // netstandard2.0 (the Roslyn analyzer, a few files at a time) has no look-up by characters: no sharing there.
    private StringTable()
    {
    }

    public string Get(string text, int start, int length) => text.Substring(start, length);
#endif
}
