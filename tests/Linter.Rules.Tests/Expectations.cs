using System.Text.RegularExpressions;
using Linter.Core.Config;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Tests;

/// <summary>Reads <c># expect: KL###</c> comments and compares them with what the engine finds.</summary>
public static class Expectations
{
    private static readonly Regex Expect = new(@"#\s*expect:\s*((?:KL\d{3}\s*)+)", RegexOptions.Compiled);

    public static SortedSet<string> Parse(string text)
    {
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Expect.Match(lines[i]);
            if (match.Success)
            {
                foreach (var id in match.Groups[1].Value.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries))
                {
                    expected.Add($"{id}@{i + 1}");
                }
            }
        }

        return expected;
    }

    public static SortedSet<string> Actual(IReadOnlyList<Finding> findings) =>
        new(findings.Select(f => $"{f.RuleId}@{f.Location.Line}"), StringComparer.Ordinal);

    /// <summary>
    /// Lints with only <paramref name="rule"/> enabled. A rule that reviews the other rules' findings
    /// (KL008, unused suppressions) runs with all rules, and only its own findings are kept.
    /// </summary>
    public static IReadOnlyList<Finding> Lint(Rule rule, InputSource input, string workingDirectory)
    {
        var policy = rule.RunsAfterSuppressions ? RulePolicy.Default : Only(rule);
        var result = LintEngine.Run(new LintRequest { Inputs = [input], Catalog = BuiltInRules.Catalog, Policy = policy, WorkingDirectory = workingDirectory });
        return result.Findings.Where(f => f.RuleId == rule.Descriptor.Id).ToList();
    }

    /// <summary>Lints <paramref name="yaml"/> (as app.yaml) with every built-in rule and the configuration text <paramref name="config"/>.</summary>
    public static IReadOnlyList<Finding> LintWithConfig(string yaml, string config = "")
    {
        var (parsed, problems) = ConfigLoader.Parse("/repo/.kubelint.yaml", config, BuiltInRules.Catalog);
        Assert.Empty(problems);
        return LintEngine.Run(new LintRequest
        {
            Inputs = [InputSource.FromText("app.yaml", yaml)],
            Catalog = BuiltInRules.Catalog,
            Policy = new RulePolicy(parsed, new Dictionary<string, RuleSetting>()),
            Simulation = parsed.ApplyTo(new SimulationOptions()),
            WorkingDirectory = "/repo",
        }).Findings;
    }

    /// <summary>A policy that runs <paramref name="rule"/> alone, as <c>--disable</c> of every other rule would.</summary>
    public static RulePolicy Only(Rule rule) => new(new KubelintConfig(),
        BuiltInRules.Catalog.Descriptors.ToDictionary(d => d.Id, d => d.Id == rule.Descriptor.Id ? RuleSetting.On : RuleSetting.Off));

    public static string Explain(IReadOnlyList<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"  {f.RuleId}@{f.Location.Line}:{f.Location.Column} {f.Message}"));
}
