using System.Text.RegularExpressions;

namespace Linter.Core.Rules;

/// <summary>
/// The trailing comment <c># expect: KL203</c> (or <c># expect: ACME001</c> for a custom rule) that marks the line a
/// finding of a fixture or a page example must start on. Fixtures and pages are tested by it; readers of a page need
/// not see it.
/// </summary>
public static class FixtureComment
{
    /// <summary>
    /// The comment with the blanks before it, at the end of a line; group <c>ids</c> holds the ids, separated by blanks.
    /// Ids must be separated, so a line is split into ids one way only (no backtracking over the ways to split it).
    /// </summary>
    internal static Regex Trailing { get; } = new(
        $@"[ \t]*#[ \t]*expect:[ \t]*(?<ids>{RuleDescriptor.IdPattern}(?:[ \t]+{RuleDescriptor.IdPattern})*)[ \t]*(?=\r?\n|$)",
        RegexOptions.CultureInvariant);

    /// <summary>The text without its fixture comments.</summary>
    public static string Strip(string text) => Trailing.Replace(text, string.Empty);
}
