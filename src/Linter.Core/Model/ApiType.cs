namespace Linter.Core.Model;

/// <summary>How the value of a field is checked for unknown keys: not at all (a scalar or a free-form value), or as an object, a list of objects or a map of objects (its keys free) of the field's type.</summary>
internal enum FieldShape { Value, Object, List, Map }

// A class, not a struct: the tables' dictionaries then run the framework's precompiled code for reference values
// instead of code compiled at every start.
internal sealed class ApiField(FieldShape shape, ApiType? type)
{
    public FieldShape Shape { get; } = shape;

    /// <summary>The type of the object, of the list's items or of the map's values; null for <see cref="FieldShape.Value"/>.</summary>
    public ApiType? Type { get; } = type;
}

/// <summary>The fields of one Kubernetes API type by JSON name (see <see cref="FieldTables"/>), with a nearest-name lookup for typos.</summary>
internal sealed class ApiType(string name)
{
    private readonly Dictionary<string, ApiField> _fields = new(StringComparer.Ordinal);

    /// <summary>The model's name in KubernetesClient, e.g. <c>V1PodSpec</c>.</summary>
    public string Name { get; } = name;

    public IEnumerable<string> FieldNames => _fields.Keys;

    /// <summary>The field of this JSON name, or null.</summary>
    public ApiField? Field(string name) => _fields.TryGetValue(name, out var field) ? field : null;

    public bool Contains(string name) => _fields.ContainsKey(name);

    public string? Nearest(string name) =>
        _fields.Keys.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) ?? EditDistance.Nearest(name, _fields.Keys);

    public override string ToString() => Name;

    internal ApiType Define(string name, FieldShape shape, ApiType? type = null)
    {
        _fields[name] = new ApiField(shape, type);
        return this;
    }

    internal ApiType Without(string name)
    {
        _fields.Remove(name);
        return this;
    }

    /// <summary>A copy under another name, to change for an older API version.</summary>
    internal ApiType Copy(string name)
    {
        var copy = new ApiType(name);
        foreach (var field in _fields)
        {
            copy._fields.Add(field.Key, field.Value);
        }

        return copy;
    }
}
