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
