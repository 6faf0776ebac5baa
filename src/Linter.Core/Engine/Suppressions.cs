using System.Text.RegularExpressions;
using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Core.Engine;

/// <summary>Finds the suppressions of the input: object annotations and <c>kubelint-disable</c> comments.</summary>
internal static class SuppressionFinder
{
    public const string Annotation = "kubelint.io/ignore";

    /// <summary>A directive, its rules, and an optional reason after <c>--</c> (or a further <c>#</c>).</summary>
    private static readonly Regex Directive = new(@"^\s*kubelint-(?<verb>disable-next-line|disable-line|disable|enable)(?=\s|$)(?<rules>[^#]*?)(\s--.*|\s*#.*)?$");

    public static IReadOnlyList<Suppression> Find(ClusterSnapshot snapshot, RuleCatalog rules)
    {
        var found = new List<Suppression>();
        foreach (var obj in snapshot.Objects)
        {
            foreach (var pair in obj.Annotations.Where(a => a.KeyText == Annotation))
            {
                var (ids, unknown) = Parse(pair.ValueText, rules);
                var root = obj.Span;
                found.Add(new Suppression(SuppressionKind.Annotation, pair.ValueSpan, ids, root.Line, root.EndLine, unknown));
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
            else if (!rules.MayNameUnloadedRule(name))
            {
                unknown.Add(name);
            }
        }

        return (ids, unknown);
    }
}

/// <summary>
/// The suppressions of the input indexed for findings: the one-line comments by (file, line); the ranges (annotations
/// on objects, disable blocks) by (file, rule) as the first range covering each line. A finding is silenced by the
/// first suppression of the input (in input order) that covers it.
/// </summary>
internal sealed class SuppressionIndex
{
    /// <summary>The key of ranges that name no rule (every rule).</summary>
    private const string EveryRule = "";

    private readonly Dictionary<(string Path, int Line), List<Ordered>> _byLine = [];
    private readonly Dictionary<(string Path, string Rule), FirstCoverage> _ranges = [];

    public SuppressionIndex(IReadOnlyList<Suppression> suppressions)
    {
        var ranges = new Dictionary<(string Path, string Rule), List<Ordered>>();
        for (var order = 0; order < suppressions.Count; order++)
        {
            var suppression = suppressions[order];
            var path = suppression.At.Path;
            if (suppression.Kind is SuppressionKind.NextLine or SuppressionKind.Line)
            {
                Bucket(_byLine, (path, suppression.FirstLine)).Add(new Ordered(order, suppression));
                continue;
            }

            foreach (var rule in suppression.Rules ?? [EveryRule])
            {
                Bucket(ranges, (path, rule)).Add(new Ordered(order, suppression));
            }
        }

        foreach (var pair in ranges)
        {
            _ranges[pair.Key] = new FirstCoverage(pair.Value);
        }
    }

    public Suppression? FirstCovering(Finding finding)
    {
        var location = finding.Location;
        Ordered? first = null;
        foreach (var candidate in _byLine.TryGetValue((location.Path, location.Line), out var onLine) ? onLine : [])
        {
            if (candidate.Suppression.Covers(finding))
            {
                first = candidate;
                break;
            }
        }

        first = Earlier(first, _ranges.TryGetValue((location.Path, finding.RuleId), out var named) ? named.At(location.Line) : null);
        first = Earlier(first, _ranges.TryGetValue((location.Path, EveryRule), out var every) ? every.At(location.Line) : null);
        return first?.Suppression;
    }

    private static Ordered? Earlier(Ordered? a, Ordered? b) => a is null || (b is not null && b.Order < a.Order) ? b : a;

    private static List<Ordered> Bucket<TKey>(Dictionary<TKey, List<Ordered>> map, TKey key)
        where TKey : notnull =>
        map.TryGetValue(key, out var list) ? list : map[key] = [];

    private sealed record Ordered(int Order, Suppression Suppression);

    /// <summary>
    /// For ranges of lines in one file, the first range (in input order) that covers each line, kept as segments: from
    /// each boundary line (a range's first line, or the line after its last) to the next, one answer. Built in one
    /// sweep with the open ranges ordered by input order; a line is answered by a binary search.
    /// </summary>
    private sealed class FirstCoverage
    {
        private readonly long[] _starts;
        private readonly Ordered?[] _firsts;

        public FirstCoverage(List<Ordered> ranges)
        {
            ranges.Sort((a, b) => a.Suppression.FirstLine.CompareTo(b.Suppression.FirstLine));
            var boundaries = ranges.SelectMany(r => new[] { (long)r.Suppression.FirstLine, r.Suppression.LastLine + 1L }).Distinct().OrderBy(line => line).ToArray();
            var open = new SortedSet<Ordered>(Comparer<Ordered>.Create((a, b) => a.Order.CompareTo(b.Order)));
            _starts = boundaries;
            _firsts = new Ordered?[boundaries.Length];
            var next = 0;
            for (var i = 0; i < boundaries.Length; i++)
            {
                for (; next < ranges.Count && ranges[next].Suppression.FirstLine <= boundaries[i]; next++)
                {
                    open.Add(ranges[next]);
                }

                while (open.Count > 0 && open.Min!.Suppression.LastLine < boundaries[i])
                {
                    open.Remove(open.Min);
                }

                _firsts[i] = open.Count > 0 ? open.Min : null;
            }
        }

        public Ordered? At(int line)
        {
            var segment = Array.BinarySearch(_starts, (long)line);
            segment = segment >= 0 ? segment : ~segment - 1;
            return segment >= 0 ? _firsts[segment] : null;
        }
    }
}
