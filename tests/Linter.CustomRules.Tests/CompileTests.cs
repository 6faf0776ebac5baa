using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Tests;

namespace Linter.CustomRules.Tests;

public sealed class CompileTests
{
    [Fact]
    public void AValidRuleCompilesLoadsAndReportsItsFinding()
    {
        using var folder = new TempFolder();
        var result = new CustomRuleCompiler(folder.Cache).Compile([folder.Write("EveryService.cs", Sources.ServiceRule)], folder.Root);

        Assert.Empty(result.Problems);
        var rule = Assert.Single(result.Rules);
        const string manifest = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - port: 80
            """;
        var lint = LintEngine.Run(new LintRequest
        {
            Inputs = [InputSource.FromText("app.yaml", manifest)],
            Catalog = new RuleCatalog(result.Rules, _ => string.Empty),
            WorkingDirectory = folder.Root,
        });
        var finding = Assert.Single(lint.Findings);
        Assert.Equal("CUS001", finding.RuleId);
        Assert.Equal(rule.Descriptor.Id, finding.RuleId);
        Assert.Equal(4, finding.Location.Line);
        Assert.Equal("Service web", finding.Message);
    }

    [Fact]
    public void ASyntaxErrorIsAnErrorAtItsPlace()
    {
        using var folder = new TempFolder();
        var source = Sources.RuleRunning("var n = 1 return;");
        var result = new CustomRuleCompiler(folder.Cache).Compile([folder.Write("rules/Broken.cs", source)], folder.Root);

        Assert.Empty(result.Rules);
        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal("CS1002", problem.Id);
        var (line, column) = Sources.Find(source, "return;");
        Assert.Equal(("rules/Broken.cs", line, column), (problem.At.Path, problem.At.Line, problem.At.Column));
        Assert.Equal("; expected", problem.Message);
    }

    [Fact]
    public void ATypeErrorIsAnErrorAtItsPlace()
    {
        using var folder = new TempFolder();
        var source = Sources.RuleRunning("int n = \"text\";");
        var result = new CustomRuleCompiler(folder.Cache).Compile([folder.Write("Typed.cs", source)], folder.Root);

        Assert.Empty(result.Rules);
        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal("CS0029", problem.Id);
        var (line, column) = Sources.Find(source, "\"text\"");
        Assert.Equal(("Typed.cs", line, column), (problem.At.Path, problem.At.Line, problem.At.Column));
        Assert.Contains("Cannot implicitly convert type 'string' to 'int'", problem.Message);
    }

    [Fact]
    public void AWarningIsReportedAndTheRuleStillLoads()
    {
        using var folder = new TempFolder();
        var source = Sources.RuleRunning("int unused = 1;");
        var result = new CustomRuleCompiler(folder.Cache).Compile([folder.Write("Warned.cs", source)], folder.Root);

        Assert.Equal("CUS002", Assert.Single(result.Rules).Descriptor.Id);
        var warning = Assert.Single(result.Problems);
        Assert.False(warning.IsError);
        Assert.Equal("CS0219", warning.Id);
        Assert.Equal(Sources.Find(source, "unused"), (warning.At.Line, warning.At.Column));
    }

    [Fact]
    public void ARuleClassWithoutAParameterlessConstructorIsAnErrorAtItsName()
    {
        using var folder = new TempFolder();
        const string source = """
            public sealed class NeedsAnId(string id) : Rule(new RuleDescriptor(id, "needs-an-id", "Needs an id", Severity.Note, "custom"))
            {
                public override void Check(RuleContext context)
                {
                }
            }
            """;
        var result = new CustomRuleCompiler(folder.Cache).Compile([folder.Write("NeedsAnId.cs", source)], folder.Root);

        Assert.Empty(result.Rules);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((CompileProblemIds.NoParameterlessConstructor, true), (problem.Id, problem.IsError));
        Assert.Equal(new SourceSpan("NeedsAnId.cs", 1, 21, 1, 30), problem.At);
    }

    [Fact]
    public void SourcesWithoutARuleAreAnErrorAtTheFirstFile()
    {
        using var folder = new TempFolder();
        var files = new[]
        {
            folder.Write("b/Helpers.cs", "public static class Helpers { public static int Two => 2; }"),
            folder.Write("a/Internal.cs", Sources.ServiceRule.Replace("public sealed class", "internal sealed class")),
        };
        var result = new CustomRuleCompiler(folder.Cache).Compile(files, folder.Root);

        Assert.Empty(result.Rules);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(CompileProblemIds.NoRule, problem.Id);
        Assert.Equal(SourceSpan.StartOf("a/Internal.cs"), problem.At);
    }

    [Fact]
    public void RulesOfSeveralFilesAreOrderedById()
    {
        using var folder = new TempFolder();
        var files = new[]
        {
            folder.Write("A.cs", Sources.RuleRunning("_ = context;", id: "CUS009")),
            folder.Write("B.cs", Sources.ServiceRule),
        };
        var result = new CustomRuleCompiler(folder.Cache).Compile(files, folder.Root);

        Assert.Empty(result.Problems);
        Assert.Equal(["CUS001", "CUS009"], result.Rules.Select(r => r.Descriptor.Id));
    }

    [Fact]
    public void AConstructorThatThrowsIsAnError()
    {
        using var folder = new TempFolder();
        var source = Sources.ServiceRule.Replace("public override void Check", "private readonly int _never = int.Parse(\"not a number\");\n    public override void Check");
        var result = new CustomRuleCompiler(folder.Cache).Compile([folder.Write("Throws.cs", source)], folder.Root);

        Assert.Empty(result.Rules);
        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal(CompileProblemIds.ConstructorFailed, problem.Id);
        Assert.Contains("FormatException", problem.Message);
    }

    [Fact]
    public void TwoRulesWithTheSameIdAreAnError()
    {
        using var folder = new TempFolder();
        var files = new[]
        {
            folder.Write("A.cs", Sources.ServiceRule),
            folder.Write("B.cs", Sources.RuleRunning("_ = context;", id: "cus001")),
        };
        var result = new CustomRuleCompiler(folder.Cache).Compile(files, folder.Root);

        Assert.Empty(result.Rules);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((CompileProblemIds.SharedName, SourceSpan.StartOf("A.cs")), (problem.Id, problem.At));
        Assert.Equal("rules 'EveryServiceRule' and 'StatementRule' are both named 'CUS001'", problem.Message);
    }
}
