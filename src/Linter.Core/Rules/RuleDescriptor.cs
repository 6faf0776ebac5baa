namespace Linter.Core.Rules;

/// <summary>A rule's identity and defaults. Ids are stable: an id is never reused for another check.</summary>
public sealed record RuleDescriptor(string Id, string Slug, string Title, Severity DefaultSeverity, string Family)
{
    public string HelpUri => $"https://github.com/kubelint/kubelint/blob/main/rules/{Family}/{Id}-{Slug}/{Id}.md";
}
