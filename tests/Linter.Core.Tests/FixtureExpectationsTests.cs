using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Core.Tests;

/// <summary>The <c># expect:</c> comments of fixtures and pages, for built-in and custom rule ids, and the comparison with findings.</summary>
public sealed class FixtureExpectationsTests
{
    private sealed class Silent() : Rule(new RuleDescriptor("ACME001", "silent", "Silent", Severity.Warning, "custom"))
    {
        public override void Check(RuleContext context)
        {
        }
    }

    private static Finding At(string id, int line, int column = 3) =>
        new(id, Severity.Warning, "message", new SourceSpan("a.yaml", line, column, line, column + 1), []);

    [Fact]
    public void Built_in_and_custom_ids_are_read_with_their_lines()
    {
        var text = "kind: Service # expect: KL101\r\nmetadata:\n  name: web #expect: ACME001  CR12 \n  x: 1 # expect:KL203\n";

        Assert.Equal(
            [new ExpectedFinding("KL101", 1), new ExpectedFinding("ACME001", 3), new ExpectedFinding("CR12", 3), new ExpectedFinding("KL203", 4)],
            FixtureExpectations.Parse(text));
    }

    [Theory]
    [InlineData("name: web # expect: acme001\n")]
    [InlineData("name: web # expect: ACME\n")]
    [InlineData("name: web # expect: 001\n")]
    [InlineData("name: web # expect: ACME001 because\n")]
    [InlineData("name: web # expected: ACME001\n")]
    public void What_is_not_a_trailing_comment_of_rule_ids_expects_nothing(string text) =>
        Assert.Empty(FixtureExpectations.Parse(text));

    [Fact]
    public void Comparison_names_the_missing_expectations_and_the_unexpected_findings()
    {
        var expected = FixtureExpectations.Parse("a: 1 # expect: ACME001\nb: 2 # expect: ACME001\nc: 3\n");
        var comparison = FixtureExpectations.Compare(expected, [At("ACME001", 1), At("ACME001", 3, column: 7)]);

        Assert.False(comparison.Passed);
        Assert.Equal([new ExpectedFinding("ACME001", 2)], comparison.Missing);
        var unexpected = Assert.Single(comparison.Unexpected);
        Assert.Equal((3, 7), (unexpected.Location.Line, unexpected.Location.Column));
    }

    [Fact]
    public void A_finding_of_another_rule_on_an_expected_line_is_both_missing_and_unexpected()
    {
        var comparison = FixtureExpectations.Compare([new ExpectedFinding("ACME001", 1)], [At("ACME002", 1)]);

        Assert.Equal("ACME001@1", Assert.Single(comparison.Missing).ToString());
        Assert.Equal("ACME002", Assert.Single(comparison.Unexpected).RuleId);
    }

    [Fact]
    public void Matching_expectations_and_findings_pass() =>
        Assert.True(FixtureExpectations.Compare(FixtureExpectations.Parse("a: 1 # expect: ACME001\n"), [At("ACME001", 1)]).Passed);

    [Fact]
    public void A_page_shows_its_examples_without_fixture_comments_of_any_rule_id()
    {
        const string Page = "# ACME001: Silent\n\n```yaml\nname: web # expect: ACME001\nport: 80 # expect: KL205 ACME001\nkeep: me # a comment\n```\n";
        var catalog = new RuleCatalog([new Silent()], _ => Page);

        Assert.Equal("# ACME001: Silent\n\n```yaml\nname: web\nport: 80\nkeep: me # a comment\n```\n", catalog.Page(catalog.All[0].Descriptor));
    }
}
