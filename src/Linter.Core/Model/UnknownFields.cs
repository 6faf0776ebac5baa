using System.Text;
using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>
/// Reports the keys of an object that its API type does not have (KL004), at every depth: each mapping is looked up in
/// the fields of the type of the field that holds it (<see cref="ApiRoots"/>), one dictionary look-up per key.
/// </summary>
internal sealed class UnknownFields
{
    private readonly List<InputProblem> _problems;
    private readonly List<MappingNode> _reportedElsewhere;

    // One path per thread, reused object after object (a list per object was 25 MB at 100,000 objects): entries are
    // added and removed in step with the recursion, and a check starts from an empty path.
    [ThreadStatic]
    private static List<(string Name, int Index)>? _threadPath;

    /// <summary>The field path to the mapping being checked: names, with the index of a list item (or -1).</summary>
    private readonly List<(string Name, int Index)> _path;

    private UnknownFields(List<InputProblem> problems, List<MappingNode> reportedElsewhere)
    {
        _problems = problems;
        _reportedElsewhere = reportedElsewhere;
        _path = _threadPath ??= [];
        _path.Clear();
    }

    /// <summary>
    /// Checks <paramref name="root"/> as a <paramref name="type"/>; the unknown keys of the mappings in
    /// <paramref name="reportedElsewhere"/> (label selectors whose stray keys KL811 reports) are left out.
    /// </summary>
    public static void Report(MappingNode root, ApiType type, List<MappingNode> reportedElsewhere, List<InputProblem> problems) =>
        new UnknownFields(problems, reportedElsewhere).Check(root, type);

    private void Check(MappingNode map, ApiType type)
    {
        var entries = map.EntrySpan;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (type.Field(entry.Key.Value) is not { } field)
            {
                if (!_reportedElsewhere.Contains(map) && !ReportedByKL817(map, type, entry.Key.Value))
                {
                    ReportUnknown(entry.Key, type);
                }

                continue;
            }

            switch (field.Shape)
            {
                case FieldShape.Object when entry.Value is MappingNode child:
                    Nested(child, field.Type!, entry.Key.Value, -1);
                    break;
                case FieldShape.List when entry.Value is SequenceNode list:
                    for (var j = 0; j < list.Items.Count; j++)
                    {
                        if (list.Items[j] is MappingNode item)
                        {
                            Nested(item, field.Type!, entry.Key.Value, j);
                        }
                    }

                    break;
                case FieldShape.Map when entry.Value is MappingNode values:
                    _path.Add((entry.Key.Value, -1));
                    var valueEntries = values.EntrySpan;
                    for (var j = 0; j < valueEntries.Length; j++)
                    {
                        if (valueEntries[j] is { Value: MappingNode child } value)
                        {
                            Nested(child, field.Type!, value.Key.Value, -1);
                        }
                    }

                    _path.RemoveAt(_path.Count - 1);
                    break;
            }
        }
    }

    private void Nested(MappingNode map, ApiType type, string name, int index)
    {
        _path.Add((name, index));
        Check(map, type);
        _path.RemoveAt(_path.Count - 1);
    }

    /// <summary>A v1 backend written with only the v1beta1 keys: KL817 reports it once, naming the v1 fields.</summary>
    private static bool ReportedByKL817(MappingNode map, ApiType type, string key) =>
        type == FieldTables.V1IngressBackend && key is "serviceName" or "servicePort" && IngressBinder.WrittenWithV1Beta1KeysOnly(map);

    private void ReportUnknown(ScalarNode key, ApiType type)
    {
        var path = Join(key.Value);
        var suggestion = Dotted(key.Value, type) is { } nested ? $"; {nested}" : type.Nearest(key.Value) is { } nearest ? $"; did you mean `{nearest}`?" : string.Empty;
        _problems.Add(new InputProblem(ProblemKind.UnknownField, key.Span,
            $"unknown field `{path}`: the API server rejects it (kubectl's strict validation) or drops it{suggestion}"));
    }

    private string Join(string key)
    {
        var path = new StringBuilder();
        foreach (var (name, index) in _path)
        {
            path.Append(path.Length == 0 ? string.Empty : ".").Append(name);
            if (index >= 0)
            {
                path.Append('[').Append(index).Append(']');
            }
        }

        return path.Append(path.Length == 0 ? string.Empty : ".").Append(key).ToString();
    }

    /// <summary>A path written as one key (<c>metadata.name: web</c>) whose first part is a known field: YAML keeps the dot.</summary>
    private static string? Dotted(string key, ApiType type)
    {
        var dot = key.IndexOf('.');
        if (dot <= 0 || dot == key.Length - 1 || !type.Contains(key.Substring(0, dot)))
        {
            return null;
        }

        var next = key.IndexOf('.', dot + 1);
        var child = next < 0 ? key.Substring(dot + 1) : key.Substring(dot + 1, next - dot - 1);
        return child.Length == 0 ? null : $"did you mean a `{key.Substring(0, dot)}:` mapping with `{child}:`? YAML does not split keys at dots";
    }
}
