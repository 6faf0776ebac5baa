namespace Linter.Cli.Tests;

public sealed class RuleCommandsTests
{
    [Fact]
    public void Rules_lists_every_rule_with_slug_severity_and_title()
    {
        var run = Cli.Run("rules");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("KL203  named-target-port-not-found", run.Stdout);
        Assert.Matches(@"KL104\s+service-selects-several-workloads\s+note\s+Service selects pods of several workloads", run.Stdout);
        Assert.Equal(Linter.Rules.BuiltInRules.Catalog.All.Count + 1, run.Stdout.Trim().Split('\n').Length);
    }

    [Theory]
    [InlineData("KL203")]
    [InlineData("kl203")]
    [InlineData("named-target-port-not-found")]
    public void Explain_prints_the_rules_page(string id)
    {
        var run = Cli.Run("explain", id);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# KL203: ", run.Stdout);
        Assert.Contains("## How to fix", run.Stdout);
    }

    [Fact]
    public void Explain_of_an_unknown_rule_suggests_the_nearest()
    {
        var run = Cli.Run("explain", "KL2O3");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("did you mean 'KL203'", run.Stderr);
    }

    [Fact]
    public void Rules_as_json_lists_every_rule_for_tools()
    {
        var run = Cli.Run("rules", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var rules = run.Json.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(Linter.Rules.BuiltInRules.Catalog.All.Count, rules.Count);
        var kl203 = rules.Single(r => r.GetProperty("id").GetString() == "KL203");
        Assert.Equal("named-target-port-not-found", kl203.GetProperty("slug").GetString());
        Assert.Equal("error", kl203.GetProperty("severity").GetString());
        Assert.Equal("ports", kl203.GetProperty("family").GetString());
        Assert.StartsWith("A service port's `targetPort` is a name", kl203.GetProperty("summary").GetString());
        Assert.EndsWith("/KL203.md", kl203.GetProperty("helpUri").GetString());
    }

    [Fact]
    public void Rules_as_markdown_is_an_index_by_family()
    {
        var run = Cli.Run("rules", "--format", "markdown");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("## ports", run.Stdout);
        Assert.Contains("| [KL203](https://github.com/kubelint/kubelint/blob/main/rules/ports/KL203-named-target-port-not-found/KL203.md) | `named-target-port-not-found` | error | Named targetPort not found on the selected pods |", run.Stdout);
        Assert.Equal(Linter.Rules.BuiltInRules.Catalog.All.Count, run.Stdout.Split('\n').Count(l => l.StartsWith("| [KL", StringComparison.Ordinal)));
    }

    [Fact]
    public void Explain_shows_no_fixture_comments()
    {
        var run = Cli.Run("explain", "KL205");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("nodePort: 8080", run.Stdout);
        Assert.DoesNotContain("expect:", run.Stdout);
    }
}
