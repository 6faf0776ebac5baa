using System.Text.Json;
using System.Text.RegularExpressions;
using Linter.Core.Rules;

namespace Linter.MSBuild.Tests;

/// <summary>
/// A C# web project with a deploy/ folder (the bundled example's manifests and a values file), built with
/// <c>dotnet build</c> from the packed package: once as on the command line (the task lints) and once with
/// <c>KubeLintMode=Analyzer</c> (the analyzer lints, inside the real compiler).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class WebProjectTests(PackageFixture package)
{
    private sealed record Builds(string Folder, string ProjectFile, DotnetRun Task, DotnetRun Analyzer, DotnetRun VisualStudio);

    private static Builds? s_builds;
    private static readonly object Gate = new();

    private Builds Built()
    {
        lock (Gate)
        {
            return s_builds ??= Create();
        }
    }

    private Builds Create()
    {
        var folder = package.NewProjectFolder("web");
        var deploy = Directory.CreateDirectory(Path.Combine(folder, "deploy")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Dotnet.RepositoryRoot, "examples", "shop"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(deploy, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(deploy, "values.yml"), "replicas: 3\nimage: shop/web:1.0\n");
        // A config file that changes no finding but must be read: the task and the analyzer validate it with JsonSchema.Net,
        // so both builds fail if the package lacks an assembly that validation loads.
        File.WriteAllText(Path.Combine(folder, ".kubelint.yaml"), "rules:\n  KL101: on\ncluster:\n  clusterDomain: cluster.local\n  services: [{namespace: monitoring, name: prometheus, ports: [9090]}]\n");
        File.WriteAllText(Path.Combine(folder, "Program.cs"), """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/", () => "storefront");
            app.Run();
            """);
        var projectFile = Path.Combine(folder, "web.csproj");
        File.WriteAllText(projectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <KubeLintPaths>deploy/</KubeLintPaths>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Kubelint.MSBuild" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);

        var task = package.Build(folder);
        var analyzer = package.Build(folder, "--no-restore", "-p:KubeLintMode=Analyzer");
        // As Visual Studio builds: the analyzer by default, and the compiler reports end positions too (/errorendlocation).
        var visualStudio = package.Build(folder, "--no-restore", "-p:BuildingInsideVisualStudio=true");
        return new Builds(folder, projectFile, task, analyzer, visualStudio);
    }

    [Fact]
    public void Task_logs_every_finding_as_a_canonical_error_or_warning_once_and_fails_the_build()
    {
        var builds = Built();
        var result = Expected.Lint(builds.Folder, "deploy");
        var expected = result.Findings
            .Where(f => f.Severity != Severity.Note)
            .Select(f => Expected.TaskLine(f, Expected.Level(f.Severity)))
            .ToList();

        var actual = Expected.DiagnosticLines(builds.Task, builds.ProjectFile).Where(l => !l.Contains(": message KL", StringComparison.Ordinal)).ToList();

        Assert.True(builds.Task.ExitCode == 1, builds.Task.ToString());
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.Contains(actual, l => l.StartsWith("deploy/api.yaml(39,19,39,27): error KL203: targetPort `http-api` (TCP) is not a port name of Deployment catalog-api", StringComparison.Ordinal));
        Assert.Contains(actual, l => l.StartsWith("deploy/web.yaml(54,17,54,21): error KL205: nodePort 8080", StringComparison.Ordinal));
        Assert.Contains(actual, l => l.StartsWith("deploy/cache.yaml(37,7,37,17): warning KL004: ", StringComparison.Ordinal));
        Assert.Equal(8, actual.Count);
    }

    [Fact]
    public void Task_leaves_notes_out_of_the_default_output()
    {
        var builds = Built();
        Assert.DoesNotContain(builds.Task.Lines, l => l.Contains("KL002", StringComparison.Ordinal));
    }

    [Fact]
    public void Task_writes_SARIF_with_every_finding_into_the_intermediate_folder()
    {
        var builds = Built();
        var sarif = Path.Combine(builds.Folder, "obj", "Debug", "net10.0", "kubelint.sarif");
        Assert.True(File.Exists(sarif), builds.Task.ToString());

        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        var run = document.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
        Assert.Equal("kubelint", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(9, results.Count);
        var kl203 = results.Single(r => r.GetProperty("ruleId").GetString() == "KL203");
        Assert.Equal("error", kl203.GetProperty("level").GetString());
        var location = kl203.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("deploy/api.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(39, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(19, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal(27, location.GetProperty("region").GetProperty("endColumn").GetInt32());
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "KL002" && r.GetProperty("level").GetString() == "note");
    }

    [Fact]
    public void Analyzer_in_the_real_compiler_reports_the_same_findings_as_the_task()
    {
        var builds = Built();
        var prefix = builds.Folder.Replace('\\', '/') + "/";
        var analyzer = Expected.DiagnosticLines(builds.Analyzer, builds.ProjectFile).ToList();
        var task = Expected.DiagnosticLines(builds.Task, builds.ProjectFile).Where(l => !l.Contains(": message KL", StringComparison.Ordinal)).ToList();

        Assert.True(builds.Analyzer.ExitCode == 1, builds.Analyzer.ToString());
        // The compiler prints full paths and start positions only: file(line,col): error KL203: message (help link).
        Assert.All(analyzer, l => Assert.StartsWith(prefix, l, StringComparison.Ordinal));
        var normalized = analyzer.Select(l => l.Substring(prefix.Length)).Order(StringComparer.Ordinal).ToList();
        var taskWithoutEnds = task.Select(l => Regex.Replace(l, @"^([^(]+)\((\d+),(\d+),\d+,\d+\)", "$1($2,$3)")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(taskWithoutEnds, normalized);
    }

    [Fact]
    public void Inside_Visual_Studio_the_analyzer_reports_with_the_same_positions_as_the_task()
    {
        var builds = Built();
        var prefix = builds.Folder.Replace('\\', '/') + "/";
        var visualStudio = Expected.DiagnosticLines(builds.VisualStudio, builds.ProjectFile).ToList();
        var task = Expected.DiagnosticLines(builds.Task, builds.ProjectFile).Where(l => !l.Contains(": message KL", StringComparison.Ordinal)).ToList();

        Assert.True(builds.VisualStudio.ExitCode == 1, builds.VisualStudio.ToString());
        Assert.All(visualStudio, l => Assert.StartsWith(prefix, l, StringComparison.Ordinal));
        Assert.Equal(task.Order(StringComparer.Ordinal), visualStudio.Select(l => l.Substring(prefix.Length)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Task_and_analyzer_never_both_report_in_one_build()
    {
        var builds = Built();
        var prefix = builds.Folder.Replace('\\', '/') + "/";
        // Command-line build: the task only (relative paths with end positions); no compiler diagnostic on a manifest.
        Assert.DoesNotContain(Expected.DiagnosticLines(builds.Task, builds.ProjectFile), l => l.StartsWith(prefix, StringComparison.Ordinal));
        // KubeLintMode=Analyzer: the compiler only; the KubeLint target does not run.
        Assert.All(Expected.DiagnosticLines(builds.Analyzer, builds.ProjectFile), l => Assert.StartsWith(prefix, l, StringComparison.Ordinal));
    }
}
