using Linter.Core.Config;
using Linter.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Linter.MSBuild.Tests;

/// <summary>
/// Custom rules in <c>dotnet build</c>: a precompiled rule pack (built here with Roslyn against Linter.Core) named by
/// the configuration's <c>rulePackages</c> or by a <c>KubeLintRulePackage</c> item, a pack that does not exist, and
/// custom rule sources (<c>customRules</c>), which the task does not compile.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class RulePackTests(PackageFixture package)
{
    /// <summary>A Service that selects no pod (KL101), and a Deployment.</summary>
    private const string Manifests = """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          selector:
            app: api
          ports:
            - port: 80
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          selector:
            matchLabels:
              app: apii
          template:
            metadata:
              labels:
                app: apii
            spec:
              containers:
                - name: api
                  image: example/api:1.0

        """;

    private const string OwnerRule = """
        using Linter.Core.Rules;

        public sealed class OwnerLabelRule() : Rule(new RuleDescriptor("ACME001", "acme-owner-label", "Services name their owner", Severity.Warning, "acme", "https://rules.example.com/ACME001"))
        {
            public override void Check(RuleContext context)
            {
                foreach (var service in context.Snapshot.Services)
                {
                    context.Report(service.NameSpan, $"Service {service.Name} has no owner label");
                }
            }
        }
        """;

    private const string OwnerFinding = "app.yaml(4,9,4,12): warning ACME001: Service api has no owner label (https://rules.example.com/ACME001)";

    [Fact]
    public void A_rule_pack_named_by_the_configuration_reports_its_findings()
    {
        var (folder, _) = Consumer("pack-in-config", itemPackage: null);
        BuildPack(Path.Combine(folder, "rules", "Acme.Rules.dll"));
        File.WriteAllText(Path.Combine(folder, ".kubelint.yaml"), "rulePackages: [rules/Acme.Rules.dll]\n");

        var run = package.Build(folder, "-v:n");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(BeforeSummary(run), l => l.Contains(OwnerFinding, StringComparison.Ordinal));
    }

    [Fact]
    public void A_rebuilt_rule_pack_named_by_the_configuration_runs_the_task_again()
    {
        var (folder, _) = Consumer("pack-in-config-incremental", itemPackage: null);
        var pack = Path.Combine(folder, "rules", "Acme.Rules.dll");
        BuildPack(pack);
        File.WriteAllText(Path.Combine(folder, ".kubelint.yaml"), "rulePackages: [rules/Acme.Rules.dll]\n");
        var first = package.Build(folder, "-v:n");
        Assert.True(first.ExitCode == 0, first.ToString());

        var unchanged = package.Build(folder, "--no-restore", "-v:n");
        File.SetLastWriteTimeUtc(pack, DateTime.UtcNow.AddMinutes(1));
        var rebuilt = package.Build(folder, "--no-restore", "-v:n");

        Assert.Contains(unchanged.Lines, l => l.Contains("Skipping target \"KubeLint\" because all output files are up-to-date", StringComparison.Ordinal));
        Assert.DoesNotContain(unchanged.Lines, l => l.Contains(OwnerFinding, StringComparison.Ordinal));
        Assert.Single(BeforeSummary(rebuilt), l => l.Contains(OwnerFinding, StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_pack_item_reports_its_findings()
    {
        var (folder, _) = Consumer("pack-item", itemPackage: "rules/Acme.Rules.dll");
        BuildPack(Path.Combine(folder, "rules", "Acme.Rules.dll"));

        var run = package.Build(folder, "-v:n");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(BeforeSummary(run), l => l.Contains(OwnerFinding, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_rule_pack_fails_the_build_with_a_positioned_error()
    {
        var (folder, _) = Consumer("pack-missing", itemPackage: "rules/Missing.dll");

        var run = package.Build(folder, "-v:n");

        Assert.NotEqual(0, run.ExitCode);
        var missing = Path.Combine(folder, "rules", "Missing.dll");
        Assert.Single(BeforeSummary(run), l => l.Contains($"{missing}(1,1,1,1): error KLC003: no such rule pack", StringComparison.Ordinal));
    }

    [Fact]
    public void Custom_rule_sources_are_not_compiled_and_the_build_lints_with_the_built_in_rules()
    {
        var (folder, projectFile) = Consumer("rule-sources", itemPackage: null);
        Directory.CreateDirectory(Path.Combine(folder, "acme-rules"));
        File.WriteAllText(Path.Combine(folder, "acme-rules", "OwnerLabelRule.cs"), OwnerRule);
        File.WriteAllText(Path.Combine(folder, ".kubelint.yaml"), "customRules: [acme-rules]\nrules:\n  ACME001: error\n");

        var run = package.Build(folder, "-v:n");

        Assert.True(run.ExitCode == 0, run.ToString());
        var warning = Assert.Single(BeforeSummary(run), l => l.Contains(": warning KL000:", StringComparison.Ordinal));
        Assert.StartsWith($"{Path.Combine(folder, ".kubelint.yaml")}(1,15,1,25): warning KL000: the build does not compile the custom rule sources", warning.Trim());
        var builtIn = Expected.Lint(folder, "app.yaml").Findings;
        Assert.NotEmpty(builtIn);
        Assert.Equal(builtIn.Select(f => Expected.TaskLine(f, Expected.Level(f.Severity))), Expected.DiagnosticLines(run, projectFile)
            .Where(l => !l.Contains("): message ", StringComparison.Ordinal) && !l.Contains(" KL000: ", StringComparison.Ordinal)));
        Assert.DoesNotContain(run.Lines, l => l.Contains("ACME001", StringComparison.Ordinal));
    }

    [Fact]
    public void In_analyzer_mode_the_compiler_reports_a_packs_findings_beside_the_built_in_ones()
    {
        var folder = package.NewProjectFolder("pack-analyzer");
        File.WriteAllText(Path.Combine(folder, "app.yaml"), Manifests);
        BuildPack(Path.Combine(folder, "rules", "Acme.Rules.dll"));
        // The pack is an item, not in the configuration: the built-in analyzer learns from the targets that ACME001 exists,
        // or it would take the configuration for broken and lint with the defaults (KL101 a warning).
        File.WriteAllText(Path.Combine(folder, ".kubelint.yaml"), "rules:\n  ACME001: error\n  KL101: error\n");
        File.WriteAllText(Path.Combine(folder, "Library.cs"), "public static class Library { }\n");
        var projectFile = Path.Combine(folder, "pack-analyzer.csproj");
        File.WriteAllText(projectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <KubeLintMode>Analyzer</KubeLintMode>
              </PropertyGroup>
              <ItemGroup>
                <KubeLintManifest Include="app.yaml" />
                <KubeLintRulePackage Include="rules/Acme.Rules.dll" />
                <PackageReference Include="Kubelint.MSBuild" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);

        var run = package.Build(folder, "-v:n");

        Assert.True(run.ExitCode != 0, run.ToString());
        var appYaml = Path.Combine(folder, "app.yaml");
        var reported = BeforeSummary(run).Where(l => l.Contains(appYaml, StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.True(reported.Count(l => l.Contains($"{appYaml}(4,9): error ACME001: Service api has no owner label", StringComparison.Ordinal)) == 1, run.ToString());
        Assert.True(reported.Count(l => l.Contains($"{appYaml}(6,3): error KL101: ", StringComparison.Ordinal)) == 1, run.ToString());
        Assert.DoesNotContain(run.Lines, l => l.Contains("AD0001", StringComparison.Ordinal) || l.Contains("CS8032", StringComparison.Ordinal) || l.Contains("CS8033", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder, "obj", "Debug", "net10.0", "kubelint", "KubeLintProjectRulePacks.dll")));
    }

    [Fact]
    public void The_rule_pack_analyzer_names_the_configurations_packs_then_the_items_each_once()
    {
        var folder = package.NewProjectFolder("pack-analyzer-source");
        var config = Path.Combine(folder, ".kubelint.yaml");
        File.WriteAllText(config, "rulePackages: [rules/A.dll, rules/B.dll]\n");

        var packs = TaskRuleCatalog.Packages(RuleSources.Read(config, ".kubelint.yaml", text: null), ["rules/B.dll", "rules/C.dll"], folder);
        var source = RulePackAnalyzerCode.Source(packs.Select(p => p.FullPath));

        var expected = new[] { "A", "B", "C" }.Select(name => Path.Combine(folder, "rules", name + ".dll")).ToList();
        Assert.Equal(expected, packs.Select(p => p.FullPath));
        Assert.Equal(expected, System.Text.RegularExpressions.Regex.Matches(source, "@\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.Contains($"public sealed class {RulePackAnalyzerCode.ClassName} : Linter.Analyzer.KubeLintRulePackAnalyzer", source, StringComparison.Ordinal);
    }

    /// <summary>A Microsoft.Build.NoTargets project that lints app.yaml, with a <c>KubeLintRulePackage</c> item when given.</summary>
    private (string Folder, string ProjectFile) Consumer(string name, string? itemPackage)
    {
        var folder = package.NewProjectFolder(name);
        File.WriteAllText(Path.Combine(folder, "app.yaml"), Manifests);
        var item = itemPackage is null ? string.Empty : $"<KubeLintRulePackage Include=\"{itemPackage}\" />";
        var projectFile = Path.Combine(folder, name + ".csproj");
        File.WriteAllText(projectFile, $"""
            <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <KubeLintManifest Include="app.yaml" />
                {item}
                <PackageReference Include="Kubelint.MSBuild" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        return (folder, projectFile);
    }

    /// <summary>Compiles <see cref="OwnerRule"/> into a class library at <paramref name="path"/>, against Linter.Core.</summary>
    private static void BuildPack(string path)
    {
        var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(path), [CSharpSyntaxTree.ParseText(OwnerRule)],
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(Rule).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
    }

    /// <summary>The build's output up to its summary, which repeats the errors and warnings.</summary>
    private static List<string> BeforeSummary(DotnetRun run) =>
        run.Lines.TakeWhile(l => l.Trim() is not ("Build FAILED." or "Build succeeded.")).ToList();
}
