namespace Linter.Core.Loading;

/// <summary>A YAML (or JSON) node with the exact span it was read from.</summary>
public abstract class Node
{
    /// <summary>Nodes are made by the loader only.</summary>
    private protected Node()
    {
    }

    public abstract SourceSpan Span { get; }

    /// <summary>A short word for messages: "a mapping", "a list", "a string", "a number".</summary>
    public abstract string Describe();
}

public enum ScalarKind { Null, Bool, Int, Float, String }

public sealed class ScalarNode : Node
{
    private readonly ScalarData _data;

    public ScalarNode(SourceSpan span, string value, ScalarKind kind, bool isQuoted)
        : this(new ScalarData(span, value, kind, isQuoted))
    {
    }

    /// <summary>A node of a scalar the model kept as a value (each such node is new: compare scalars by value and span).</summary>
    internal ScalarNode(ScalarData data) => _data = data;

    internal ScalarData Data => _data;

    public override SourceSpan Span => _data.Span;

    public string Value => _data.Value;

    /// <summary>The type Kubernetes' YAML decoder (YAML 1.1 resolution) gives the scalar.</summary>
    public ScalarKind Kind => _data.Kind;

    public bool IsQuoted => _data.IsQuoted;

    public bool IsNull => Kind == ScalarKind.Null;

    /// <summary>A YAML 1.1 boolean that is true: <c>true</c>, <c>yes</c>, <c>on</c>, <c>y</c> in any of their spellings.</summary>
    public bool IsTrue => Kind == ScalarKind.Bool && Value.Length > 0 && (Value[0] is 't' or 'T' or 'y' or 'Y' || Value is "on" or "On" or "ON");

    public override string Describe() => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Bool => "a boolean",
        ScalarKind.Int => "a number",
        ScalarKind.Float => "a number",
        _ => IsQuoted && long.TryParse(Value, out _) ? "a quoted string" : "a string",
    };

    public override string ToString() => Value;
}

public sealed class SequenceNode(SourceSpan span, IReadOnlyList<Node> items) : Node
{
    public override SourceSpan Span { get; } = span;

    public IReadOnlyList<Node> Items { get; } = items;

    public override string Describe() => "a list";
}

public readonly record struct MappingEntry(ScalarNode Key, Node Value);

public sealed class MappingNode : Node
{
    /// <summary>Up to this many entries a key is looked up by a scan: most mappings are small, and an index per mapping
    /// was a large part of the memory each object costs.</summary>
    internal const int ScannedEntries = 8;

    private readonly Dictionary<string, int>? _index;

    // An array, read directly: through IReadOnlyList every read of an entry was an interface call into generic code
    // the runtime compiles at start-up (entries are structs), on the hottest path of binding.
    private readonly MappingEntry[] _entries;

    public MappingNode(SourceSpan span, IReadOnlyList<MappingEntry> entries)
    {
        Span = span;
        _entries = entries as MappingEntry[] ?? entries.ToArray();
        if (_entries.Length > ScannedEntries)
        {
            _index = new Dictionary<string, int>(_entries.Length, StringComparer.Ordinal);
            for (var i = 0; i < _entries.Length; i++)
            {
                _index[_entries[i].Key.Value] = i;
            }
        }
    }

    /// <summary>
    /// A mapping whose reader already indexed its keys (key -> index of its last entry) when it has more than
    /// <see cref="ScannedEntries"/> entries (null otherwise): no second index.
    /// </summary>
    internal MappingNode(SourceSpan span, MappingEntry[] entries, Dictionary<string, int>? index)
    {
        Span = span;
        _entries = entries;
        _index = index;
    }

    public override SourceSpan Span { get; }

    public IReadOnlyList<MappingEntry> Entries => _entries;

    /// <summary><see cref="Entries"/> for the binder's hot loops: read directly, not through an interface.</summary>
    internal ReadOnlySpan<MappingEntry> EntrySpan => _entries;

    public override string Describe() => "a mapping";

    public Node? this[string key] => IndexOf(key) is var i and >= 0 ? _entries[i].Value : null;

    public ScalarNode? KeyNode(string key) => IndexOf(key) is var i and >= 0 ? _entries[i].Key : null;

    /// <summary>The last entry with this key (as the index kept it), or -1.</summary>
    internal int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var at) ? at : -1;
        }

        return ScanFor(_entries, _entries.Length, key);
    }

    /// <summary>The index of the last entry with this key among the first <paramref name="count"/>, found by a scan (for mappings without a key index), or -1.</summary>
    internal static int ScanFor(MappingEntry[] entries, int count, string key)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            if (string.Equals(entries[i].Key.Value, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
