using Linter.Core.Config;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Tests;

/// <summary>Reads <c># expect: KL###</c> comments and compares them with what the engine finds (see <see cref="FixtureExpectations"/>).</summary>
public static class Expectations
{
    /// <summary>The expected findings as <c>KL203@12</c>.</summary>
    public static SortedSet<string> Parse(string text) =>
        new(FixtureExpectations.Parse(text).Select(e => e.ToString()), StringComparer.Ordinal);

    public static SortedSet<string> Actual(IReadOnlyList<Finding> findings) =>
        new(findings.Select(f => new ExpectedFinding(f.RuleId, f.Location.Line).ToString()), StringComparer.Ordinal);

    /// <summary>Lints as <c>kubelint test</c> lints a fixture, without a configuration file (see <see cref="FixtureExpectations.Lint"/>).</summary>
    internal static IReadOnlyList<Finding> Lint(Rule rule, InputSource input, string workingDirectory) =>
        FixtureExpectations.Lint(LintSetup.Prepare(new LintOptions { WorkingDirectory = workingDirectory }, BuiltInRules.Catalog).Setup, rule, input);

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

    /// <summary>The policy a fixture of <paramref name="rule"/> is linted with: the rule alone, as <c>--disable</c> of every other rule would.</summary>
    internal static RulePolicy Only(Rule rule) => FixtureExpectations.Policy(rule, BuiltInRules.Catalog, new KubelintConfig());

    public static string Explain(IReadOnlyList<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"  {f.RuleId}@{f.Location.Line}:{f.Location.Column} {f.Message}"));
}
