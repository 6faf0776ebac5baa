using System.Text.RegularExpressions;

namespace Linter.Core.Rules;

/// <summary>
/// The trailing comment <c># expect: KL203</c> (or <c># expect: ACME001</c> for a custom rule) that marks the line a
/// finding of a fixture or a page example must start on. Fixtures and pages are tested by it; readers of a page need
/// not see it.
/// </summary>
public static partial class FixtureComment
{
    private const string TrailingPattern =
        $@"[ \t]*#[ \t]*expect:[ \t]*(?<ids>{RuleDescriptor.IdPattern}(?:[ \t]+{RuleDescriptor.IdPattern})*)[ \t]*(?=\r?\n|$)";

    /// <summary>
    /// The comment with the blanks before it, at the end of a line; group <c>ids</c> holds the ids, separated by blanks.
    /// Ids must be separated, so a line is split into ids one way only (no backtracking over the ways to split it).
    /// </summary>
#if NET
    // Generated at build time: every SARIF log strips every rule's page with it (300 KB), slow in the interpreter.
    [GeneratedRegex(TrailingPattern, RegexOptions.CultureInvariant)]
    internal static partial Regex Trailing { get; }
#else
    internal static Regex Trailing { get; } = new(TrailingPattern, RegexOptions.CultureInvariant);
#endif

    /// <summary>The text without its fixture comments.</summary>
    public static string Strip(string text) => Trailing.Replace(text, string.Empty);
}
