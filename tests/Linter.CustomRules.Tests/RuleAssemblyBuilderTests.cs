using System.Text;
using Linter.Core.Rules;

namespace Linter.CustomRules.Tests;

public sealed class RuleAssemblyBuilderTests
{
    [Fact]
    public void TheSameSourcesGiveTheSameBytes()
    {
        var sources = new[] { new RuleSource("rules/EveryService.cs", Encoding.UTF8.GetBytes(Sources.ServiceRule)) };

        var first = RuleAssemblyBuilder.Build(sources, CustomRuleCompiler.AssemblyName, typeof(Rule).Assembly.Location);
        var second = RuleAssemblyBuilder.Build(sources, CustomRuleCompiler.AssemblyName, typeof(Rule).Assembly.Location);

        Assert.NotNull(first.Assembly);
        Assert.Equal(first.Assembly, second.Assembly);
    }

    [Fact]
    public void ProblemsAreInPathLineAndColumnOrder()
    {
        // Given out of order, and the compiler's problems come before the rule-class checks'.
        var sources = new[]
        {
            new RuleSource("b.cs", Encoding.UTF8.GetBytes(Sources.ServiceRule.Replace("EveryServiceRule", "Other").Replace("CUS001", "CUS003") + "\nclass Unused { void M() { int x = 1; } }")),
            new RuleSource("a.cs", Encoding.UTF8.GetBytes(Sources.RuleRunning("int unused = 1;").Replace("StatementRule()", "StatementRule(int unused)"))),
        };

        var problems = RuleAssemblyBuilder.Build(sources, CustomRuleCompiler.AssemblyName, typeof(Rule).Assembly.Location).Problems;

        Assert.Equal(["a.cs:1:21 KLC001", "a.cs:1:39 CS9113", "a.cs:5:13 CS0219", "b.cs:11:31 CS0219"], problems.Select(p => $"{p.At} {p.Id}"));
    }
}
