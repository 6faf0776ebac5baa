namespace Linter.Core.Rules;

/// <summary>A rule's page: the summary (the paragraph under the title) and the whole page as Markdown.</summary>
public sealed record RuleDocumentation(string Summary, string Markdown);
