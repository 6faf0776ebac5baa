using System.Text.RegularExpressions;
using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Core.Engine;

/// <summary>Finds the suppressions of the input: object annotations and <c>kubelint-disable</c> comments.</summary>
public static class SuppressionFinder
{
    public const string Annotation = "kubelint.io/ignore";

    /// <summary>A directive, its rules, and an optional reason after <c>--</c> (or a further <c>#</c>).</summary>
    private static readonly Regex Directive = new(@"^\s*kubelint-(?<verb>disable-next-line|disable-line|disable|enable)(?=\s|$)(?<rules>[^#]*?)(\s--.*|\s*#.*)?$", RegexOptions.Compiled);

    public static IReadOnlyList<Suppression> Find(ClusterSnapshot snapshot, RuleCatalog rules)
    {
        var found = new List<Suppression>();
        foreach (var obj in snapshot.Objects)
        {
            foreach (var pair in obj.Annotations.Where(a => a.Key.Value == Annotation))
            {
                var (ids, unknown) = Parse(pair.Value.Value, rules);
                var root = obj.Root.Span;
                found.Add(new Suppression(SuppressionKind.Annotation, pair.Value.Span, ids, root.Line, root.EndLine, unknown));
            }
        }

        foreach (var file in snapshot.Files)
        {
            var open = new List<Suppression>();
            foreach (var comment in file.Comments)
            {
                var match = Directive.Match(comment.Text);
                if (!match.Success)
                {
                    continue;
                }

                var (ids, unknown) = Parse(match.Groups["rules"].Value, rules);
                var line = comment.Span.Line;
                switch (match.Groups["verb"].Value)
                {
                    case "disable-next-line":
                        found.Add(new Suppression(SuppressionKind.NextLine, comment.Span, ids, line + 1, line + 1, unknown));
                        break;
                    case "disable-line":
                        found.Add(new Suppression(SuppressionKind.Line, comment.Span, ids, line, line, unknown));
                        break;
                    case "disable":
                        var block = new Suppression(SuppressionKind.Block, comment.Span, ids, line, int.MaxValue, unknown);
                        open.Add(block);
                        found.Add(block);
                        break;
                    default:
                        foreach (var closed in open.Where(b => ids is null || b.Rules is null || b.Rules.Intersect(ids).Any()).ToList())
                        {
                            closed.LastLine = line;
                            open.Remove(closed);
                        }

                        break;
                }
            }
        }

        return found;
    }

    /// <summary>Rule ids from a list of ids or slugs (commas or spaces); "all" or nothing means every rule.</summary>
    private static (IReadOnlyCollection<string>? Ids, IReadOnlyList<string> Unknown) Parse(string text, RuleCatalog rules)
    {
        var names = text.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0 || names.Any(n => n.Equals("all", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, []);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var name in names)
        {
            if (rules.Find(name) is { } rule)
            {
                ids.Add(rule.Descriptor.Id);
            }
            else
            {
                unknown.Add(name);
            }
        }

        return (ids, unknown);
    }
}

/// <summary>
/// The suppressions of the input indexed for findings: the one-line comments by (file, line), the ranges (annotations
/// on objects, disable blocks) by file. A finding is silenced by the first suppression of the input that covers it.
/// </summary>
internal sealed class SuppressionIndex
{
    private readonly Dictionary<(string Path, int Line), List<(int Order, Suppression Suppression)>> _byLine = [];
    private readonly Dictionary<string, List<(int Order, Suppression Suppression)>> _ranges = new(StringComparer.Ordinal);

    public SuppressionIndex(IReadOnlyList<Suppression> suppressions)
    {
        for (var order = 0; order < suppressions.Count; order++)
        {
            var suppression = suppressions[order];
            var list = suppression.Kind is SuppressionKind.NextLine or SuppressionKind.Line
                ? Bucket(_byLine, (suppression.At.Path, suppression.FirstLine))
                : Bucket(_ranges, suppression.At.Path);
            list.Add((order, suppression));
        }
    }

    public Suppression? FirstCovering(Finding finding)
    {
        var location = finding.Location;
        var first = First(_byLine.TryGetValue((location.Path, location.Line), out var onLine) ? onLine : null, finding);
        var range = First(_ranges.TryGetValue(location.Path, out var ranges) ? ranges : null, finding);
        return range is { } r && (first is not { } f || r.Order < f.Order) ? r.Suppression : first?.Suppression;
    }

    private static (int Order, Suppression Suppression)? First(List<(int Order, Suppression Suppression)>? candidates, Finding finding)
    {
        foreach (var candidate in candidates ?? [])
        {
            if (candidate.Suppression.Covers(finding))
            {
                return candidate;
            }
        }

        return null;
    }

    private static List<(int Order, Suppression Suppression)> Bucket<TKey>(Dictionary<TKey, List<(int Order, Suppression Suppression)>> map, TKey key)
        where TKey : notnull =>
        map.TryGetValue(key, out var list) ? list : map[key] = [];
}
