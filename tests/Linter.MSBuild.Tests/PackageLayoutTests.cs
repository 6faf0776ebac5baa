using System.IO.Compression;

namespace Linter.MSBuild.Tests;

/// <summary>What the package holds: build files, the task with its net10.0 dependencies, the analyzer with its netstandard2.0 ones.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture package)
{
    /// <summary>What Linter.Core loads: YAML parsing, globs, and the config file's validation (JsonSchema.Net and its dependencies).</summary>
    private static readonly string[] Dependencies =
        ["YamlDotNet.dll", "Microsoft.Extensions.FileSystemGlobbing.dll", "JsonSchema.Net.dll", "JsonPointer.Net.dll", "Json.More.dll", "Humanizer.dll"];

    private List<string> Entries()
    {
        using var zip = ZipFile.OpenRead(package.Package);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    [Fact]
    public void Holds_the_build_files_the_task_and_the_analyzer()
    {
        var entries = Entries();
        Assert.Contains("build/Kubelint.MSBuild.props", entries);
        Assert.Contains("build/Kubelint.MSBuild.targets", entries);
        foreach (var assembly in new[] { "Linter.MSBuild.dll", "Linter.Core.dll", "Linter.Rules.dll", "Linter.CustomRules.dll" }.Concat(Dependencies))
        {
            Assert.Contains("tasks/net10.0/" + assembly, entries);
        }

        foreach (var assembly in new[] { "Linter.Analyzer.dll", "Linter.Core.dll", "Linter.Rules.dll" }.Concat(Dependencies))
        {
            Assert.Contains("analyzers/dotnet/cs/" + assembly, entries);
        }

        // What a project's rule pack analyzer is compiled against: outside analyzers/, where each assembly would be loaded.
        Assert.Equal(["build/ref/Microsoft.CodeAnalysis.dll", "build/ref/netstandard.dll", "build/ref/System.Collections.Immutable.dll"],
            entries.Where(e => e.StartsWith("build/ref/", StringComparison.Ordinal)).Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Leaves_out_what_MSBuild_and_the_compiler_bring_themselves()
    {
        var entries = Entries();
        Assert.DoesNotContain(entries, e => e.Contains("/Microsoft.Build", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) &&
            (e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal) || e.Contains("/System.", StringComparison.Ordinal)));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_task_loads_rule_packs_without_the_compiler_that_custom_rule_sources_need()
    {
        var entries = Entries();
        Assert.DoesNotContain(entries, e => e.StartsWith("tasks/", StringComparison.Ordinal) &&
            (e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal) || e.Contains("Basic.Reference.Assemblies", StringComparison.Ordinal)));
        using var zip = ZipFile.OpenRead(package.Package);
        using var deps = new StreamReader(zip.GetEntry("tasks/net10.0/Linter.MSBuild.deps.json")!.Open());
        var text = deps.ReadToEnd();
        Assert.Contains("Linter.CustomRules", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.CodeAnalysis", text, StringComparison.Ordinal);
    }
}
