namespace Linter.Core.Loading;

/// <summary>
/// Whether two nodes say the same thing to the API server: equal scalars (same value and type), lists item by item,
/// mappings with the same keys and equal values in any order. Layout, quoting style and comments do not count.
/// </summary>
internal static class NodeEquality
{
    public static bool Same(Node a, Node b) => (a, b) switch
    {
        (ScalarNode x, ScalarNode y) => x.Kind == y.Kind && string.Equals(x.Value, y.Value, StringComparison.Ordinal),
        (SequenceNode x, SequenceNode y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items, Same).All(same => same),
        (MappingNode x, MappingNode y) => x.Entries.Count == y.Entries.Count && x.Entries.All(e => y[e.Key.Value] is { } other && Same(e.Value, other)),
        _ => false,
    };
}
