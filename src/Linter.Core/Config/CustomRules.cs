using System.Text.RegularExpressions;
using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Core.Config;

/// <summary>A place a configuration file names custom rules from (<c>customRules</c> or <c>rulePackages</c>).</summary>
/// <param name="FullPath">The folder or assembly, resolved against the config file's folder.</param>
/// <param name="At">The list item that names it, for problems.</param>
internal sealed record RuleSource(string FullPath, SourceSpan At);

/// <summary>The custom rules a configuration file names, read before the rule catalog exists (the catalog includes them).</summary>
internal sealed record RuleSources(IReadOnlyList<RuleSource> Folders, IReadOnlyList<RuleSource> Packages)
{
    public static RuleSources None { get; } = new([], []);

    public bool Any => Folders.Count > 0 || Packages.Count > 0;

    /// <summary>
    /// The <c>customRules</c> and <c>rulePackages</c> of the config file at <paramref name="path"/> (its
    /// <paramref name="text"/> when the host gave it, else read). Only these keys are read, and only where they are
    /// strings or lists of strings: the full reading of the file reports anything else.
    /// </summary>
    public static RuleSources Read(string path, string displayPath, string? text)
    {
        text ??= InputFiles.ReadText(path, LoadLimits.MaxFileBytes, rejectBinary: false).Text;
        if (text is null || YamlReader.Read(displayPath, text).Documents.FirstOrDefault() is not MappingNode root)
        {
            return None;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return new RuleSources(Items(root["customRules"], directory), Items(root["rulePackages"], directory));
    }

    private static List<RuleSource> Items(Node? node, string directory)
    {
        var items = node is SequenceNode list ? list.Items : node is null ? [] : [node];
        return items.OfType<ScalarNode>().Where(s => s.Kind == ScalarKind.String && s.Value.Length > 0)
            .Select(s => new RuleSource(Path.GetFullPath(Path.Combine(directory, s.Value)), s.Span)).ToList();
    }
}

/// <summary>A rule loaded from a configuration's <c>customRules</c> or <c>rulePackages</c>, with its page.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Page">The rule's Markdown page (<c>ACME001.md</c> beside its source, or in its package), or null when it has none.</param>
/// <param name="Origin">The configuration entry that brought the rule in, for problems.</param>
internal sealed record CustomRule(Rule Rule, string? Page, SourceSpan Origin)
{
    /// <summary>A rule of a precompiled pack, with the page the pack embeds for it.</summary>
    internal static CustomRule FromPack(Rule rule, SourceSpan origin) => new(rule, EmbeddedPage(rule), origin);

    /// <summary>Whether a type of a rule assembly is a rule to create: a non-abstract, non-generic class deriving from <see cref="Rules.Rule"/>.</summary>
    internal static bool IsRuleType(Type type) => type.IsClass && !type.IsAbstract && !type.ContainsGenericParameters && type.IsSubclassOf(typeof(Rule));

    /// <summary>A packaged rule's page: the embedded resource of its assembly whose name ends with <c>ACME001.md</c>
    /// (the first in ordinal order), or null when it has none.</summary>
    private static string? EmbeddedPage(Rule rule)
    {
        var assembly = rule.GetType().Assembly;
        var name = assembly.GetManifestResourceNames().Where(n => n.EndsWith(rule.Descriptor.Id + ".md", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal).FirstOrDefault();
        using var stream = name is null ? null : assembly.GetManifestResourceStream(name);
        return stream is null ? null : new StreamReader(stream).ReadToEnd();
    }
}

/// <summary>
/// The catalog of a run with custom rules: the built-in rules and the custom ones whose ids and slugs are valid and
/// free. A custom id has its own prefix (letters, then digits: <c>ACME001</c>); <c>KL</c> is kubelint's.
/// </summary>
internal static class CustomRuleCatalog
{
    private static readonly Regex Id = new($"^{RuleDescriptor.IdPattern}$", RegexOptions.CultureInvariant);
    private static readonly Regex Slug = new("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

    public static (RuleCatalog Catalog, IReadOnlyList<ConfigProblem> Problems) Compose(RuleCatalog builtIn, IReadOnlyList<CustomRule> custom)
    {
        var problems = new List<ConfigProblem>();
        var accepted = new List<CustomRule>();
        var taken = new HashSet<string>(builtIn.Descriptors.SelectMany(d => new[] { d.Id, d.Slug }), StringComparer.OrdinalIgnoreCase);
        foreach (var rule in custom.OrderBy(r => r.Rule.Descriptor.Id, StringComparer.Ordinal))
        {
            var descriptor = rule.Rule.Descriptor;
            var what = $"custom rule {descriptor.Id} ({rule.Rule.GetType().FullName})";
            var problem = !Id.IsMatch(descriptor.Id) ? $"{what}: an id is a prefix of capital letters and digits, then a number, such as ACME001"
                : descriptor.IsBuiltIn ? $"{what}: the prefix {RuleDescriptor.BuiltInPrefix} is kubelint's own; give your rules another prefix, such as ACME001"
                : !Slug.IsMatch(descriptor.Slug) ? $"{what}: the slug `{descriptor.Slug}` must be lowercase words joined by dashes, such as ingress-host-outside-domain"
                : taken.Contains(descriptor.Id) || taken.Contains(descriptor.Slug) ? $"{what}: another rule already has the id {descriptor.Id} or the slug `{descriptor.Slug}`"
                : null;
            if (problem is not null)
            {
                problems.Add(new ConfigProblem(rule.Origin, problem));
                continue;
            }

            taken.Add(descriptor.Id);
            taken.Add(descriptor.Slug);
            accepted.Add(rule);
        }

        var pages = accepted.ToDictionary(r => r.Rule.Descriptor.Id, r => r.Page ?? MissingPage(r.Rule.Descriptor), StringComparer.Ordinal);
        var catalog = new RuleCatalog(builtIn.All.Concat(accepted.Select(r => r.Rule)), d => pages.TryGetValue(d.Id, out var page) ? page : builtIn.SourcePage(d));
        return (catalog, problems);
    }

    private static string MissingPage(RuleDescriptor rule) =>
        $"# {rule.Id}: {rule.Title}\n\n{rule.Title}.\n\nThis custom rule has no page yet: write `{rule.Id}.md` next to its source (`kubelint new rule` creates one).\n";
}
