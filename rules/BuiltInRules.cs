using Linter.Core.Rules;

namespace Linter.Rules;

/// <summary>Every rule kubelint ships with, and the documentation page of each.</summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> All { get; } = typeof(BuiltInRules).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract)
        .Select(t => (Rule)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>Finds a rule by id (<c>KL203</c>, any case) or slug.</summary>
    public static Rule? Find(string idOrSlug) => All.FirstOrDefault(r =>
        string.Equals(r.Descriptor.Id, idOrSlug, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(r.Descriptor.Slug, idOrSlug, StringComparison.OrdinalIgnoreCase));

    /// <summary>The page and its summary (the paragraph under the title), for SARIF rule metadata.</summary>
    public static RuleDocumentation Documentation(RuleDescriptor rule)
    {
        var page = Page(rule).Replace("\r\n", "\n");
        var paragraphs = page.Split(["\n\n"], StringSplitOptions.RemoveEmptyEntries);
        var summary = paragraphs.Length > 1 ? paragraphs[1].Replace("\n", " ").Trim() : rule.Title;
        return new RuleDocumentation(summary, page);
    }

    /// <summary>The rule's page (<c>KL###.md</c> beside its code), embedded at build time.</summary>
    public static string Page(RuleDescriptor rule)
    {
        using var stream = typeof(BuiltInRules).Assembly.GetManifestResourceStream($"rules/{rule.Id}.md")
            ?? throw new InvalidOperationException($"{rule.Id} has no documentation page");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
