using System.Text.RegularExpressions;
using Linter.Core.Loading;

namespace Linter.Rules.Tests;

/// <summary>Each rule's page has the fixed headings, and its examples behave as the page says.</summary>
public sealed class DocPageTests
{
    private static readonly string[] Headings = ["## Why it matters", "## Examples", "### Failing", "### Passing", "## How to fix", "## References"];

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in BuiltInRules.Catalog.All)
        {
            data.Add(rule.Descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Page_has_the_fixed_headings_in_order(string id)
    {
        var page = BuiltInRules.Catalog.SourcePage(BuiltInRules.Catalog.Find(id)!.Descriptor);
        Assert.StartsWith($"# {id}: ", page);
        var position = 0;
        foreach (var heading in Headings)
        {
            var at = page.IndexOf("\n" + heading + "\n", position, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{id}.md lacks '{heading}' (in this order)");
            position = at + heading.Length;
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Failing_example_gives_its_expected_findings_and_passing_example_none(string id)
    {
        var rule = BuiltInRules.Catalog.Find(id)!;
        var page = BuiltInRules.Catalog.SourcePage(rule.Descriptor);
        var failing = Example(page, "### Failing");
        var passing = Example(page, "### Passing");

        var expected = Expectations.Parse(failing);
        Assert.NotEmpty(expected);
        var failed = Expectations.Lint(rule, InputSource.FromText("failing.yaml", failing), Path.GetTempPath());
        Assert.True(expected.SetEquals(Expectations.Actual(failed)),
            $"failing example: expected [{string.Join(", ", expected)}]\n{Expectations.Explain(failed)}");

        Assert.Empty(Expectations.Parse(passing));
        var passed = Expectations.Lint(rule, InputSource.FromText("passing.yaml", passing), Path.GetTempPath());
        Assert.True(passed.Count == 0, "passing example:\n" + Expectations.Explain(passed));
    }

    private static string Example(string page, string heading)
    {
        var match = Regex.Match(page, Regex.Escape(heading) + @"\s*\n```ya?ml\n(.*?)\n```", RegexOptions.Singleline);
        Assert.True(match.Success, $"no ```yaml block under '{heading}'");
        return match.Groups[1].Value + "\n";
    }
}
