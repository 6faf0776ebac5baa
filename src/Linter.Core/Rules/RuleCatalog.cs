using System.Text.RegularExpressions;
using Linter.Core.Model;

namespace Linter.Core.Rules;

/// <summary>
/// The rules a run knows and their pages. Every lookup of a rule by name (command line, configuration file,
/// suppression comments and annotations) goes through <see cref="Find"/>: ids and slugs, any case.
/// </summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, Rule> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<RuleDescriptor, string> _page;

    /// <param name="rules">The rules; ids and slugs must be unique.</param>
    /// <param name="page">The Markdown page of a rule, as written beside its code (fixture comments included).</param>
    public RuleCatalog(IEnumerable<Rule> rules, Func<RuleDescriptor, string> page)
    {
        All = rules.OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal).ToList();
        Descriptors = All.Select(r => r.Descriptor).ToList();
        _page = page;
        foreach (var rule in All)
        {
            foreach (var name in new[] { rule.Descriptor.Id, rule.Descriptor.Slug })
            {
                if (_byName.ContainsKey(name))
                {
                    throw new ArgumentException($"two rules are named '{name}'", nameof(rules));
                }

                _byName.Add(name, rule);
            }
        }
    }

    /// <summary>Ordered by id.</summary>
    public IReadOnlyList<Rule> All { get; }

    /// <summary>The descriptors of <see cref="All"/>, in the same order.</summary>
    public IReadOnlyList<RuleDescriptor> Descriptors { get; }

    /// <summary>The rule with this id (<c>KL203</c>) or slug (<c>named-target-port-not-found</c>), in any case.</summary>
    public Rule? Find(string idOrSlug) => _byName.TryGetValue(idOrSlug.Trim(), out var rule) ? rule : null;

    /// <summary>"no rule 'KL2O3'; did you mean 'KL203'?": the problem to report for a name no rule has.</summary>
    public string Unknown(string name) => $"no rule '{name}'" + (Nearest(name) is { } nearest ? $"; did you mean '{nearest}'?" : string.Empty);

    /// <summary>The id or slug closest to a name no rule has, if one is close.</summary>
    public string? Nearest(string name) => EditDistance.Nearest(name, Descriptors.SelectMany(d => new[] { d.Id, d.Slug }));

    /// <summary>The rule's page for readers (<c>kubelint explain</c>, SARIF help): without fixture comments.</summary>
    public string Page(RuleDescriptor rule) => FixtureComment.Strip(SourcePage(rule));

    /// <summary>The page as written beside the rule's code, with the fixture comments its examples are tested by.</summary>
    public string SourcePage(RuleDescriptor rule) => _page(rule);

    /// <summary>The summary (the paragraph under the title) and the page, for SARIF rule metadata.</summary>
    public RuleDocumentation Documentation(RuleDescriptor rule)
    {
        var page = Page(rule).Replace("\r\n", "\n");
        var summary = SecondParagraph(page)?.Replace("\n", " ").Trim() ?? rule.Title;
        return new RuleDocumentation(summary, page);
    }

    /// <summary>
    /// The second of the page's paragraphs (non-empty pieces between blank lines), found without splitting the whole
    /// page: every SARIF log asks this of every rule.
    /// </summary>
    private static string? SecondParagraph(string page)
    {
        var paragraph = 0;
        for (var start = 0; start <= page.Length;)
        {
            var end = page.IndexOf("\n\n", start, StringComparison.Ordinal);
            end = end < 0 ? page.Length : end;
            if (end > start && paragraph++ == 1)
            {
                return page.Substring(start, end - start);
            }

            start = end + 2;
        }

        return null;
    }

    /// <summary>
    /// The configuration names custom rules that this run does not load (<c>--no-custom-rules</c>): a name no rule has
    /// may be one of theirs, so that only names that look like built-in ids (<c>KL</c> and digits) are unknown.
    /// </summary>
    public bool LacksCustomRules { get; init; }

    /// <summary>These rules, for a run that does not load the custom rules its configuration names (see <see cref="LacksCustomRules"/>).</summary>
    public RuleCatalog LackingCustomRules() => new(All, SourcePage) { LacksCustomRules = true };

    /// <summary>True when <paramref name="name"/> names no rule here but may name a custom rule that was not loaded.</summary>
    public bool MayNameUnloadedRule(string name) => LacksCustomRules && Find(name) is null && !BuiltInId.IsMatch(name.Trim());

    private static readonly Regex BuiltInId = new($@"^{RuleDescriptor.BuiltInPrefix}\d+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
