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
}
