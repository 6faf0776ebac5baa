using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Linter.MSBuild.Tests;

/// <summary>
/// Loads the analyzer as the compiler does: from its own folder, with the netstandard2.0 builds of Linter.Core,
/// Linter.Rules and YamlDotNet beside it, in a load context of its own; Microsoft.CodeAnalysis and the framework
/// come from the host. (The test's own Linter.Core is the net10.0 build, which the analyzer was not compiled against.)
/// </summary>
public static class AnalyzerLoader
{
    public static string Folder { get; } = Path.Combine(Dotnet.RepositoryRoot, "src", "Linter.Analyzer", "bin", Dotnet.Configuration, "netstandard2.0");

    private static readonly Lazy<Assembly> Assembly = new(() =>
        new AnalyzerLoadContext(Folder).LoadFromAssemblyPath(Path.Combine(Folder, "Linter.Analyzer.dll")));

    public static DiagnosticAnalyzer Create() =>
        (DiagnosticAnalyzer)Activator.CreateInstance(Assembly.Value.GetType("Linter.Analyzer.KubeLintAnalyzer", throwOnError: true)!)!;

    private sealed class AnalyzerLoadContext(string folder) : AssemblyLoadContext("kubelint-analyzer")
    {
        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name is null || name.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                return null;
            }

            var path = Path.Combine(folder, name.Name + ".dll");
            var isFramework = name.Name.StartsWith("System.", StringComparison.Ordinal) || name.Name is "netstandard" or "mscorlib";
            return !isFramework && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
