using System.Text.RegularExpressions;
using Linter.Core.Config;
using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Core.Engine;

/// <summary>A finding a fixture expects: a <c># expect: ID</c> comment on the line the finding must start on.</summary>
/// <param name="RuleId">The rule that must report.</param>
/// <param name="Line">The 1-based line the comment is on.</param>
internal sealed record ExpectedFinding(string RuleId, int Line)
{
    /// <summary><c>KL203@12</c>.</summary>
    public override string ToString() => $"{RuleId}@{Line}";
}

/// <summary>How a fixture's findings compare with its expectations. Findings are matched by rule id and line.</summary>
/// <param name="Missing">Expected findings no finding matches, by line.</param>
/// <param name="Unexpected">Findings no expectation names, in the engine's order (file, line, column).</param>
internal sealed record FixtureComparison(IReadOnlyList<ExpectedFinding> Missing, IReadOnlyList<Finding> Unexpected)
{
    /// <summary>Nothing missing and nothing unexpected.</summary>
    public bool Passed => Missing.Count == 0 && Unexpected.Count == 0;
}

/// <summary>
/// Fixtures (<c>fixtures/invalid-*.yaml</c>, <c>fixtures/valid-*.yaml</c> beside a rule) and page examples: their
/// <c># expect: ID</c> comments, how a fixture is linted, and how its findings are compared with the comments.
/// The rule tests and <c>kubelint test</c> both go through here, so a fixture passes in one exactly when it passes in
/// the other.
/// </summary>
internal static class FixtureExpectations
{
    /// <summary>The findings <paramref name="text"/>'s <c># expect:</c> comments name, by line.</summary>
    public static IReadOnlyList<ExpectedFinding> Parse(string text)
    {
        var expected = new List<ExpectedFinding>();
        var line = 1;
        var counted = 0;
        foreach (Match match in FixtureComment.Trailing.Matches(text))
        {
            for (; counted < match.Index; counted++)
            {
                line += text[counted] == '\n' ? 1 : 0;
            }

            foreach (var id in match.Groups["ids"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                expected.Add(new ExpectedFinding(id, line));
            }
        }

        return expected;
    }

    /// <summary>Compares findings with expectations: each expectation needs a finding of its rule starting on its line, and each finding an expectation.</summary>
    public static FixtureComparison Compare(IReadOnlyList<ExpectedFinding> expected, IReadOnlyList<Finding> findings)
    {
        var found = new HashSet<ExpectedFinding>(findings.Select(f => new ExpectedFinding(f.RuleId, f.Location.Line)));
        var wanted = new HashSet<ExpectedFinding>(expected);
        return new FixtureComparison(
            wanted.Where(e => !found.Contains(e)).OrderBy(e => e.Line).ThenBy(e => e.RuleId, StringComparer.Ordinal).ToList(),
            findings.Where(f => !wanted.Contains(new ExpectedFinding(f.RuleId, f.Location.Line))).ToList());
    }

    /// <summary>
    /// Lints a fixture as its expectations are written: with only <paramref name="rule"/> on. A rule that reviews the
    /// other rules' findings (<see cref="Rule.RunsAfterSuppressions"/>, e.g. unused suppressions) runs with all the
    /// rules the configuration turns on; either way only <paramref name="rule"/>'s findings are returned.
    /// </summary>
    public static IReadOnlyList<Finding> Lint(LintSetup setup, Rule rule, InputSource fixture)
    {
        var request = setup.Request([fixture]) with { Policy = Policy(rule, setup.Catalog, setup.Config) };
        return LintEngine.Run(request).Findings.Where(f => f.RuleId == rule.Descriptor.Id).ToList();
    }

    /// <summary>The rule policy a fixture of <paramref name="rule"/> is linted with (see <see cref="Lint"/>).</summary>
    public static RulePolicy Policy(Rule rule, RuleCatalog catalog, KubelintConfig config)
    {
        var id = rule.Descriptor.Id;
        var commandLine = rule.RunsAfterSuppressions
            ? new Dictionary<string, RuleSetting> { [id] = RuleSetting.On }
            : catalog.Descriptors.ToDictionary(d => d.Id, d => d.Id == id ? RuleSetting.On : RuleSetting.Off);
        return new RulePolicy(config, commandLine);
    }
}
