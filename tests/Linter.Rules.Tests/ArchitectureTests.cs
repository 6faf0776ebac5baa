using Linter.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Linter.Rules.Tests;

/// <summary>
/// The layers point one way (DESIGN.md): Loading, Model and Simulation know no Config, Engine, Output or rule; rules
/// read the model and the simulation, never raw YAML nodes, and see no Engine, Config or Output type; front ends
/// (CLI, MSBuild task, analyzer) call the setup and the engine and hold no step of the lint themselves. The sources
/// are compiled with Roslyn and every symbol they use is checked; each check is also shown to catch a violation.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[] LowerLayers = ["Loading", "Model", "Simulation"];

    private static readonly string[] UpperNamespaces = ["Linter.Core.Config", "Linter.Core.Engine", "Linter.Core.Output", "Linter.Core.Rules", "Linter.Rules"];

    private static readonly string[] NotForRules = ["Linter.Core.Config", "Linter.Core.Engine", "Linter.Core.Output"];

    /// <summary>Members that walk raw YAML: a rule that needs a field gets it bound in the model.</summary>
    private static readonly string[] RawYaml =
    [
        "Linter.Core.Loading.SourceDocument.Root", "Linter.Core.Loading.MappingNode.Entries", "Linter.Core.Loading.MappingNode.this[]",
        "Linter.Core.Loading.MappingNode.KeyNode", "Linter.Core.Loading.SequenceNode.Items", "Linter.Core.Loading.SourceFile.Documents",
        "Linter.Core.Loading.YamlReader",
    ];

    /// <summary>The steps of a lint: a front end reaches them only through LintSetup and LintEngine.</summary>
    private static readonly string[] LintSteps =
    [
        "Linter.Core.Loading.ManifestLoader.Load", "Linter.Core.Loading.PathExpander", "Linter.Core.Model.ObjectBinder",
        "Linter.Core.Engine.LintEngine.Simulate", "Linter.Core.Engine.SuppressionFinder", "Linter.Core.Simulation.ClusterSnapshot.ClusterSnapshot",
        "Linter.Core.Config.ConfigLoader.Load", "Linter.Core.Config.ConfigLoader.Parse", "Linter.Core.Config.ConfigLoader.Find",
        "Linter.Core.Config.RulePolicy.RulePolicy", "Linter.Core.Config.KubelintConfig.ApplyTo", "Linter.Core.Rules.Rule.Check",
        "Linter.Core.Rules.RuleContext.RuleContext",
    ];

    [Fact]
    public void Core_references_no_rule()
    {
        var core = typeof(RuleCatalog).Assembly;
        Assert.DoesNotContain(core.GetReferencedAssemblies(), a => a.Name == typeof(BuiltInRules).Assembly.GetName().Name);
        Assert.DoesNotContain(core.GetTypes(), t => t.IsSubclassOf(typeof(Rule)));
    }

    [Fact]
    public void Loading_model_and_simulation_know_no_config_engine_output_or_rule()
    {
        var core = Sources("src/Linter.Core");
        var lower = core.Where(t => LowerLayers.Any(l => t.FilePath.Contains($"/src/Linter.Core/{l}/", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(lower);
        AssertNone(Violations(core, lower, [], InNamespaces(UpperNamespaces)));
    }

    [Fact]
    public void Rules_read_the_model_and_see_no_engine_config_or_output()
    {
        var rules = Sources("rules");
        Assert.NotEmpty(rules);
        AssertNone(Violations(rules, rules, [CoreReference], s => InNamespaces(NotForRules)(s) || Named(RawYaml)(s)));
    }

    [Theory]
    [InlineData("src/Linter.Cli")]
    [InlineData("src/Linter.MSBuild")]
    [InlineData("src/Linter.Analyzer")]
    public void Front_ends_hold_no_lint_logic(string project)
    {
        var sources = Sources(project);
        Assert.NotEmpty(sources);
        AssertNone(Violations(sources, sources, [CoreReference, RulesReference], Named(LintSteps)));
    }

    [Theory]
    [InlineData("using Linter.Core.Config; namespace Linter.Core.Simulation; static class S { static object O() => new KubelintConfig(); }")]
    [InlineData("namespace Linter.Core.Model; static class S { static object O() => Linter.Core.Engine.ExitCodes.Clean; }")]
    public void The_layer_check_catches_a_lower_layer_using_an_upper_one(string source)
    {
        var core = Sources("src/Linter.Core");
        var violating = Parse(source, "/src/Linter.Core/Simulation/Violation.cs");
        Assert.NotEmpty(Violations([.. core, violating], [violating], [], InNamespaces(UpperNamespaces)));
    }

    [Theory]
    [InlineData("static class S { static object O(Linter.Core.Model.ServiceObject s) => s.Document.Root[\"spec\"]; }")]
    [InlineData("static class S { static int O(Linter.Core.Loading.MappingNode m) => m.Entries.Count; }")]
    [InlineData("static class S { static object O() => Linter.Core.Engine.ExitCodes.Clean; }")]
    public void The_rule_check_catches_raw_yaml_and_engine_types(string source)
    {
        var violating = Parse(source, "/rules/Violation.cs");
        Assert.NotEmpty(Violations([violating], [violating], [CoreReference], s => InNamespaces(NotForRules)(s) || Named(RawYaml)(s)));
    }

    [Theory]
    [InlineData("static class S { static object O() => Linter.Core.Loading.ManifestLoader.Load([], \".\"); }")]
    [InlineData("static class S { static object O(Linter.Core.Config.KubelintConfig c) => new Linter.Core.Config.RulePolicy(c, new System.Collections.Generic.Dictionary<string, Linter.Core.Config.RuleSetting>()); }")]
    public void The_front_end_check_catches_a_lint_step(string source)
    {
        var violating = Parse(source, "/src/Linter.Cli/Violation.cs");
        Assert.NotEmpty(Violations([violating], [violating], [CoreReference, RulesReference], Named(LintSteps)));
    }

    private static void AssertNone(List<string> violations) => Assert.True(violations.Count == 0, "layer violations:\n" + string.Join("\n", violations));

    private static MetadataReference CoreReference => MetadataReference.CreateFromFile(typeof(RuleCatalog).Assembly.Location);

    private static MetadataReference RulesReference => MetadataReference.CreateFromFile(typeof(BuiltInRules).Assembly.Location);

    private static Func<ISymbol, bool> InNamespaces(string[] namespaces) => symbol =>
    {
        var ns = (symbol as INamespaceSymbol ?? symbol.ContainingNamespace)?.ToDisplayString() ?? string.Empty;
        return namespaces.Any(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal));
    };

    /// <summary>The symbol is one of <paramref name="names"/> (a type, or a member as Type.Member), or a member of such a type.</summary>
    private static Func<ISymbol, bool> Named(string[] names) => symbol =>
    {
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        var typeName = type?.OriginalDefinition.ToDisplayString() ?? string.Empty;
        var member = symbol switch
        {
            IPropertySymbol { IsIndexer: true } => typeName + ".this[]",
            IMethodSymbol { MethodKind: MethodKind.Constructor } => typeName + "." + type!.Name,
            INamedTypeSymbol => typeName,
            _ => typeName + "." + symbol.Name,
        };
        return names.Contains(member) || names.Contains(typeName);
    };

    /// <summary>Every symbol the <paramref name="checkedTrees"/> use that <paramref name="forbidden"/> matches, with its place.</summary>
    private static List<string> Violations(IReadOnlyList<SyntaxTree> all, IReadOnlyList<SyntaxTree> checkedTrees, MetadataReference[] references, Func<ISymbol, bool> forbidden)
    {
        // Named as the CLI's assembly, which Linter.Core lets see its internals (the engine, loaders and configuration):
        // under another name the internal symbols a front end uses would not bind, and no check would see them.
        var compilation = CSharpCompilation.Create("kubelint", [.. all, GlobalUsings], [.. Framework, .. references],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var found = new List<string>();
        foreach (var tree in checkedTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes().Where(n => n is SimpleNameSyntax or BaseObjectCreationExpressionSyntax or ElementAccessExpressionSyntax))
            {
                if (model.GetSymbolInfo(node).Symbol is { } symbol && forbidden(symbol))
                {
                    found.Add($"{tree.FilePath}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {symbol.ToDisplayString()}");
                }
            }
        }

        return found.Distinct().ToList();
    }

    private static IReadOnlyList<MetadataReference> Framework { get; } =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(f => !Path.GetFileName(f).StartsWith("Linter.", StringComparison.Ordinal)))
        .Distinct(StringComparer.Ordinal)
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToList();

    /// <summary>The implicit usings of the projects (ImplicitUsings in Directory.Build.props).</summary>
    private static SyntaxTree GlobalUsings { get; } = CSharpSyntaxTree.ParseText(
        "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; " +
        "global using System.Threading; global using System.Threading.Tasks; global using System.Net.Http;",
        CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview));

    private static List<SyntaxTree> Sources(string project) =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => Parse(File.ReadAllText(f), f))
            .ToList();

    private static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), path);
}
