using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>
/// Reads the fields of one mapping with their types checked the way the API server decodes them.
/// A field of the wrong type is reported (KL003) and read as absent. Unknown keys are not its concern: they are checked
/// against the API type of the whole object after binding (<see cref="UnknownFields"/>, KL004).
/// </summary>
internal sealed class FieldReader
{
    private readonly List<InputProblem> _problems;

    private readonly List<MappingNode> _unknownKeysReportedElsewhere;

    // The path is written out only for a message: most readers never need it (a million readers bind 100,000 objects).
    private readonly FieldReader? _parent;
    private readonly string _name;
    private readonly int _index;
    private string? _path;

    public FieldReader(MappingNode map, string path, List<InputProblem> problems, List<MappingNode> unknownKeysReportedElsewhere)
    {
        Map = map;
        _path = path;
        _name = string.Empty;
        _index = -1;
        _problems = problems;
        _unknownKeysReportedElsewhere = unknownKeysReportedElsewhere;
    }

    /// <summary>The reader of <paramref name="map"/>, field <paramref name="name"/> of <paramref name="parent"/> (item <paramref name="index"/> of it, or -1).</summary>
    private FieldReader(FieldReader parent, MappingNode map, string name, int index)
    {
        Map = map;
        _parent = parent;
        _name = name;
        _index = index;
        _problems = parent._problems;
        _unknownKeysReportedElsewhere = parent._unknownKeysReportedElsewhere;
    }

    public MappingNode Map { get; }

    /// <summary>The field path for messages, e.g. <c>spec.ports[0]</c>.</summary>
    public string Path => _path ??= _index < 0 ? _parent!.Join(_name) : $"{_parent!.Join(_name)}[{_index}]";

    public ScalarNode? Key(string name) => Map.KeyNode(name);

    public FieldReader? Child(string name) => Mapping(name) is { } child ? new FieldReader(this, child, name, -1) : null;

    /// <summary>This mapping's unknown keys are reported by a check of its own (a label selector's stray keys, KL811), not as KL004.</summary>
    public void ReportsOwnUnknownKeys() => _unknownKeysReportedElsewhere.Add(Map);

    /// <summary>The field is written with a value other than null (of any type).</summary>
    public bool Written(string name) => Present(name) is not null;

    /// <summary>The field is written with a value other than null, "" and 0 (of any type): Go's "is set" for a plain string or number.</summary>
    public bool WrittenNonZero(string name) =>
        Present(name) is { } node &&
        node is not ScalarNode { Kind: ScalarKind.String, Value.Length: 0 } &&
        !(node is ScalarNode { Kind: ScalarKind.Int } n && ScalarTyping.TryParseInt(n.Value, out var v) && v == 0);

    public MappingNode? Mapping(string name) => Typed<MappingNode>(name, "a mapping");

    public SequenceNode? Sequence(string name) => Typed<SequenceNode>(name, "a list");

    public ScalarNode? String(string name)
    {
        var node = Present(name);
        if (node is null)
        {
            return null;
        }

        if (node is ScalarNode { Kind: ScalarKind.String } s)
        {
            return s;
        }

        WrongType(name, node, "a string", node is ScalarNode ? $"quote it: \"{((ScalarNode)node).Value}\"" : null);
        return null;
    }

    public BoolField? Bool(string name)
    {
        var node = Present(name);
        if (node is null)
        {
            return null;
        }

        if (node is ScalarNode { Kind: ScalarKind.Bool } s)
        {
            return new BoolField(s.IsTrue, s);
        }

        WrongType(name, node, "true or false", null);
        return null;
    }

    /// <summary>An int32 field: a plain number. A quoted number is a string to the API server.</summary>
    public IntField? Int(string name)
    {
        var node = Present(name);
        if (node is null)
        {
            return null;
        }

        if (node is ScalarNode { Kind: ScalarKind.Int } s && ScalarTyping.TryParseInt(s.Value, out var v) && v is >= int.MinValue and <= int.MaxValue)
        {
            return new IntField((int)v, s);
        }

        var hint = node is ScalarNode { IsQuoted: true } q && long.TryParse(q.Value, out _) ? $"remove the quotes: {q.Value}" : null;
        WrongType(name, node, "a number", hint);
        return null;
    }

    /// <summary>An int32 field the simulation needs: its absence is reported (KL006), a wrong type as usual (KL003).</summary>
    public IntField? RequiredInt(string name, string why)
    {
        if (Present(name) is null)
        {
            Missing(name, why);
            return null;
        }

        return Int(name);
    }

    /// <summary>An IntOrString field (targetPort, probe ports): a number or a name.</summary>
    public PortRef? PortRef(string name)
    {
        var node = Present(name);
        switch (node)
        {
            case null:
                return null;
            case ScalarNode { Kind: ScalarKind.Int } s when ScalarTyping.TryParseInt(s.Value, out var v) && v is >= int.MinValue and <= int.MaxValue:
                return new PortRef((int)v, null, s);
            case ScalarNode { Kind: ScalarKind.String } s:
                return new PortRef(null, s.Value, s);
            default:
                WrongType(name, node, "a port number or a port name", null);
                return null;
        }
    }

    /// <summary>A map of strings (labels, annotations, a Service selector, ConfigMap data).</summary>
    public IReadOnlyList<StringPair>? StringMap(string name)
    {
        var map = Mapping(name);
        if (map is null)
        {
            return null;
        }

        var entries = map.EntrySpan;
        var pairs = entries.Length == 0 ? [] : new StringPair[entries.Length];
        var count = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Value is ScalarNode { Kind: ScalarKind.String } value)
            {
                pairs[count++] = new StringPair(entry.Key, value);
            }
            else if (entry.Value is ScalarNode { IsNull: false } or not ScalarNode)
            {
                var hint = entry.Value is ScalarNode s ? $"quote it: \"{s.Value}\"" : null;
                WrongType($"{name}.{entry.Key.Value}", entry.Value, "a string", hint);
            }
            else
            {
                pairs[count++] = new StringPair(entry.Key, new ScalarNode(entry.Value.Span, string.Empty, ScalarKind.String, false));
            }
        }

        return Kept.First(pairs, count);
    }

    /// <summary>A list of strings; items of another type are reported (KL003) and skipped, null items skipped.</summary>
    public IReadOnlyList<ScalarNode> Strings(string name)
    {
        var list = Sequence(name);
        if (list is null)
        {
            return [];
        }

        var strings = list.Items.Count == 0 ? [] : new ScalarNode[list.Items.Count];
        var count = 0;
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is ScalarNode { Kind: ScalarKind.String } s)
            {
                strings[count++] = s;
            }
            else if (list.Items[i] is not ScalarNode { IsNull: true })
            {
                Problem(ProblemKind.WrongType, list.Items[i].Span,
                    $"`{Join(name)}[{i}]` must be a string, not {list.Items[i].Describe()}; the API server rejects the object");
            }
        }

        return Kept.First(strings, count);
    }

    /// <summary>The readers of the mapping items of list <paramref name="name"/>; other items are reported (KL003) and skipped, null items skipped.</summary>
    public FieldReader[] Items(string name)
    {
        var list = Sequence(name);
        if (list is null)
        {
            return [];
        }

        var count = 0;
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is MappingNode)
            {
                count++;
            }
            else if (list.Items[i] is not ScalarNode { IsNull: true })
            {
                WrongType($"{name}[{i}]", list.Items[i], "a mapping", null);
            }
        }

        // An array: the binders' foreach over it allocates no enumerator.
        var readers = count == 0 ? [] : new FieldReader[count];
        for (int i = 0, at = 0; at < count; i++)
        {
            if (list.Items[i] is MappingNode map)
            {
                readers[at++] = new FieldReader(this, map, name, i);
            }
        }

        return readers;
    }

    public void Missing(string name, string why) =>
        _problems.Add(new InputProblem(ProblemKind.MissingField, Map.Span, $"`{Join(name)}` is required{why}"));

    public void Problem(ProblemKind kind, SourceSpan span, string message) => _problems.Add(new InputProblem(kind, span, message));

    private string Join(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private Node? Present(string name) => Map[name] is { } node && node is not ScalarNode { IsNull: true } ? node : null;

    private T? Typed<T>(string name, string expected)
        where T : Node
    {
        var node = Present(name);
        if (node is null or T)
        {
            return (T?)node;
        }

        WrongType(name, node, expected, null);
        return null;
    }

    private void WrongType(string name, Node node, string expected, string? hint)
    {
        if (Placeholder(node) is { } placeholder)
        {
            _problems.Add(new InputProblem(ProblemKind.TemplateMarkers, node.Span,
                $"`{{{placeholder}}}` in `{Join(name)}` is a placeholder, not a value: the file is a template that a script fills in; lint what it renders"));
            return;
        }

        var shown = node is ScalarNode s ? $"{node.Describe()} ({Quote(s.Value)})" : node.Describe();
        var message = $"`{Join(name)}` must be {expected}, not {shown}; the API server rejects the object";
        _problems.Add(new InputProblem(ProblemKind.WrongType, node.Span, hint is null ? message : $"{message} ({hint})"));
    }

    /// <summary>
    /// The name in a placeholder such as <c>{USER_NAME}</c> written where a value belongs (YAML reads it as a mapping
    /// with one key and no value, on one line), or null.
    /// </summary>
    private static string? Placeholder(Node node) =>
        node is MappingNode { Entries: [{ Value: ScalarNode { IsNull: true } } only] } map && map.Span.Line == map.Span.EndLine &&
        only.Key.Value.Length > 0 && char.IsUpper(only.Key.Value[0]) && Chars.All(only.Key.Value, c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')
            ? only.Key.Value
            : null;

    private static string Quote(string value) => value.Length > 40 ? $"\"{value.Substring(0, 37)}...\"" : $"\"{value}\"";
}

public readonly record struct BoolField(bool Value, ScalarNode Node);

/// <summary>An int32 field and the scalar it was written as.</summary>
public readonly record struct IntField
{
    // The scalar is kept as a value, not a node: the model keeps one per port, and a node object each was a large part
    // of what a large input keeps.
    private readonly ScalarData _node;

    public IntField(int value, ScalarNode node) => (Value, _node) = (value, node.Data);

    public int Value { get; }

    /// <summary>The scalar the number was written as (a new node on each read: compare by value and span).</summary>
    public ScalarNode Node => _node.ToNode()!;

    internal SourceSpan Span => _node.Span;

    public void Deconstruct(out int value, out ScalarNode node) => (value, node) = (Value, Node);
}

/// <summary>A port given as a number or as a name (Kubernetes' IntOrString).</summary>
public readonly record struct PortRef
{
    private readonly ScalarData _node;

    public PortRef(int? number, string? name, ScalarNode node) => (Number, Name, _node) = (number, name, node.Data);

    public int? Number { get; }

    public string? Name { get; }

    /// <summary>The scalar the port was written as (a new node on each read: compare by value and span).</summary>
    public ScalarNode Node => _node.ToNode()!;

    internal SourceSpan Span => _node.Span;

    public void Deconstruct(out int? number, out string? name, out ScalarNode node) => (number, name, node) = (Number, Name, Node);

    public override string ToString() => Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Name ?? string.Empty;
}

/// <summary>A key and its string value in a map (labels, annotations, a selector, ConfigMap data).</summary>
public readonly record struct StringPair
{
    private readonly ScalarData _key;
    private readonly ScalarData _value;

    public StringPair(ScalarNode key, ScalarNode value) => (_key, _value) = (key.Data, value.Data);

    /// <summary>The key's scalar (a new node on each read: compare by value and span).</summary>
    public ScalarNode Key => _key.ToNode()!;

    /// <summary>The value's scalar (a new node on each read: compare by value and span).</summary>
    public ScalarNode Value => _value.ToNode()!;

    /// <summary>The key's text, without a node.</summary>
    internal string KeyText => _key.Value;

    /// <summary>The value's text, without a node.</summary>
    internal string ValueText => _value.Value;

    internal SourceSpan KeySpan => _key.Span;

    internal SourceSpan ValueSpan => _value.Span;

    public void Deconstruct(out ScalarNode key, out ScalarNode value) => (key, value) = (Key, Value);
}
