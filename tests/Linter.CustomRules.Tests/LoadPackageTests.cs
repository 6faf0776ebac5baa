using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Tests;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;

namespace Linter.CustomRules.Tests;

public sealed class LoadPackageTests
{
    [Fact]
    public void APrecompiledRulePackLoads()
    {
        using var folder = new TempFolder();
        var pack = BuildPack(folder, "pack/TeamRules.dll", Sources.ServiceRule, Sources.RuleRunning("_ = context;", id: "CUS005"));

        var result = CustomRuleLoader.LoadPackage(pack, folder.Root);

        Assert.Empty(result.Problems);
        Assert.False(result.FromCache);
        Assert.Equal(["CUS001", "CUS005"], result.Rules.Select(r => r.Descriptor.Id));
        Assert.All(result.Rules, rule => Assert.IsAssignableFrom<Rule>(rule));
    }

    [Fact]
    public void APackWithoutARuleIsAProblem()
    {
        using var folder = new TempFolder();
        var pack = BuildPack(folder, "Empty.dll", "public abstract class NotYetARule() : Rule(new RuleDescriptor(\"X\", \"x\", \"x\", Severity.Note, \"x\"));");

        var result = CustomRuleLoader.LoadPackage(pack, folder.Root);

        Assert.Empty(result.Rules);
        Assert.Equal(CompileProblem.ErrorAtFile("Empty.dll", CompileProblemIds.NoRule, Assert.Single(result.Problems).Message), result.Problems[0]);
    }

    [Fact]
    public void AMissingPackIsAProblem()
    {
        using var folder = new TempFolder();

        var result = CustomRuleLoader.LoadPackage(Path.Combine(folder.Root, "missing/Rules.dll"), folder.Root);

        Assert.Empty(result.Rules);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((CompileProblemIds.Unreadable, true, SourceSpan.StartOf("missing/Rules.dll")), (problem.Id, problem.IsError, problem.At));
    }

    [Fact]
    public void AFileThatIsNoAssemblyIsAProblem()
    {
        using var folder = new TempFolder();
        var notAnAssembly = folder.Write("Rules.dll", "MZ but not really");

        var result = CustomRuleLoader.LoadPackage(notAnAssembly, folder.Root);

        Assert.Empty(result.Rules);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((CompileProblemIds.NotAnAssembly, SourceSpan.StartOf("Rules.dll")), (problem.Id, problem.At));
    }

    [Fact]
    public void APackWhoseDependencyIsMissingIsAProblem()
    {
        using var folder = new TempFolder();
        var baseSource = "public abstract class TeamRule(string id) : Rule(new RuleDescriptor(id, \"team\", \"Team\", Severity.Note, \"team\"));";
        var basePack = BuildPack(folder, "base/TeamBase.dll", baseSource);
        var pack = BuildPack(folder, "pack/Derived.dll", [basePack],
            "public sealed class Derived() : TeamRule(\"CUS100\") { public override void Check(RuleContext context) { } }");

        var result = CustomRuleLoader.LoadPackage(pack, folder.Root);

        Assert.Empty(result.Rules);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(CompileProblemIds.TypeLoad, problem.Id);
        Assert.Contains("TeamBase", problem.Message);
    }

    [Fact]
    public void APackDependencyBesideThePackIsLoaded()
    {
        using var folder = new TempFolder();
        var basePack = BuildPack(folder, "pack/TeamBase.dll",
            "public abstract class TeamRule(string id) : Rule(new RuleDescriptor(id, \"team\", \"Team\", Severity.Note, \"team\"));");
        var pack = BuildPack(folder, "pack/Derived.dll", [basePack],
            "public sealed class Derived() : TeamRule(\"CUS100\") { public override void Check(RuleContext context) { } }");

        var result = CustomRuleLoader.LoadPackage(pack, folder.Root);

        Assert.Empty(result.Problems);
        Assert.Equal("CUS100", Assert.Single(result.Rules).Descriptor.Id);
    }

    [Fact]
    public void APackagedRulesPageIsTheEmbeddedResourceNamedAfterItsId()
    {
        using var folder = new TempFolder();
        var pack = Path.Combine(folder.Root, "Documented.dll");
        var page = "# CUS001: Every Service\n\nEvery Service.\n";
        var compilation = CSharpCompilation.Create("Documented", [CSharpSyntaxTree.ParseText("using Linter.Core.Rules;\n" + Sources.ServiceRule)],
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(Rule).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(pack, manifestResources:
            [new ResourceDescription("Documented.Docs.CUS001.md", () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(page)), isPublic: true)]);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var undocumented = BuildPack(folder, "Undocumented.dll", Sources.ServiceRule);

        var at = SourceSpan.StartOf(".kubelint.yaml");
        var (rules, problems) = CustomRuleLoader.LoadPackages([new Linter.Core.Config.RuleSource(pack, at), new Linter.Core.Config.RuleSource(undocumented, at)], folder.Root);

        Assert.Empty(problems);
        Assert.Equal([page, null], rules.Select(r => r.Page));
    }

    private static string BuildPack(TempFolder folder, string relativePath, params string[] sources) => BuildPack(folder, relativePath, [], sources);

    /// <summary>Compiles <paramref name="sources"/> with Roslyn into a class library at <paramref name="relativePath"/>,
    /// against the .NET reference assemblies, Linter.Core and <paramref name="references"/>.</summary>
    private static string BuildPack(TempFolder folder, string relativePath, IReadOnlyList<string> references, params string[] sources)
    {
        var trees = sources.Select(text => CSharpSyntaxTree.ParseText("using Linter.Core.Rules;\n" + text));
        var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(relativePath), trees,
            Basic.Reference.Assemblies.Net100.References.All
                .Append(MetadataReference.CreateFromFile(typeof(Rule).Assembly.Location))
                .Concat(references.Select(r => MetadataReference.CreateFromFile(r))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(folder.Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return path;
    }
}
