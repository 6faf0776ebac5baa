namespace Linter.Core.Model;

/// <summary>The complete field names of one Kubernetes API type, with a nearest-match lookup for typos.</summary>
internal sealed class FieldSet(params string[] names)
{
    private readonly HashSet<string> _names = new(names, StringComparer.Ordinal);

    public bool Contains(string name) => _names.Contains(name);

    public string? Nearest(string name) =>
        _names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) ?? EditDistance.Nearest(name, _names);
}
