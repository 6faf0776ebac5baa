using System.Collections.Immutable;
using System.Globalization;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Linter.CustomRules;

/// <summary>What compiling rule sources gave: the assembly's bytes (null when any problem is an error) and the problems.</summary>
internal sealed record BuildOutput(byte[]? Assembly, IReadOnlyList<CompileProblem> Problems);

/// <summary>
/// Compiles rule sources with Roslyn into an assembly in memory, against the .NET reference assemblies and the SDK
/// (Linter.Core) only, with the banned-API analyzer over them.
/// </summary>
internal static class RuleAssemblyBuilder
{
    /// <summary>The banned-API analyzer's diagnostic: an error here, not its default warning.</summary>
    public const string BannedApiId = "RS0030";

    private const string ImplicitUsingsPath = "kubelint.ImplicitUsings.g.cs";

    // As an SDK project's implicit usings, less System.Net.Http (banned), plus the SDK's namespaces, so rules can be short.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Text;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Linter.Core.Loading;
        global using Linter.Core.Model;
        global using Linter.Core.Rules;
        global using Linter.Core.Simulation;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        deterministic: true,
        allowUnsafe: false,
        nullableContextOptions: NullableContextOptions.Enable,
        specificDiagnosticOptions: [new KeyValuePair<string, ReportDiagnostic>(BannedApiId, ReportDiagnostic.Error)]);

    /// <summary>Compiles <paramref name="sources"/> (at least one) into an assembly named <paramref name="assemblyName"/>,
    /// using <paramref name="sdkPath"/> as the SDK assembly.</summary>
    public static BuildOutput Build(IReadOnlyList<RuleSource> sources, string assemblyName, string sdkPath)
    {
        var trees = sources
            .Select(source => CSharpSyntaxTree.ParseText(Text(source), ParseOptions, source.DisplayPath))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, ImplicitUsingsPath))
            .ToList();
        var references = Basic.Reference.Assemblies.Net100.References.All
            .Append(MetadataReference.CreateFromFile(sdkPath));
        var compilation = CSharpCompilation.Create(assemblyName, trees, references, CompilationOptions);
        var firstFile = sources[0].DisplayPath;

        var diagnostics = Analyze(compilation);
        var problems = diagnostics.Select(d => ToProblem(d, firstFile))
            .Concat(RuleClassChecks.Check(compilation, firstFile))
            .Concat(ExternMethodCheck.Check(trees, firstFile))
            .ToList();
        if (problems.Any(p => p.IsError))
        {
            return new BuildOutput(null, Sorted(problems));
        }

        using var assembly = new MemoryStream();
        var emitted = compilation.Emit(assembly);
        // Emit repeats the compilation's diagnostics; only errors of its own (rare: a resource, a metadata limit) are new.
        problems.AddRange(emitted.Diagnostics.Except(diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => ToProblem(d, firstFile)));
        return new BuildOutput(emitted.Success ? assembly.ToArray() : null, Sorted(problems));
    }

    private static ImmutableArray<Diagnostic> Analyze(CSharpCompilation compilation)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([BannedSymbols.List]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        return compilation
            .WithAnalyzers([new CSharpSymbolIsBannedAnalyzer()], options)
            .GetAllDiagnosticsAsync()
            .GetAwaiter().GetResult()
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .ToImmutableArray();
    }

    private static Microsoft.CodeAnalysis.Text.SourceText Text(RuleSource source)
    {
        using var stream = new MemoryStream(source.Bytes, writable: false);
        return Microsoft.CodeAnalysis.Text.SourceText.From(stream, throwIfBinaryDetected: false);
    }

    /// <summary>The problem for <paramref name="diagnostic"/>; one with no place in a source is put at the first file's start.</summary>
    public static CompileProblem ToProblem(Diagnostic diagnostic, string firstFile) => new(
        At(diagnostic.Location, firstFile),
        diagnostic.Severity == DiagnosticSeverity.Error,
        diagnostic.Id,
        diagnostic.GetMessage(CultureInfo.InvariantCulture));

    /// <summary>The span of <paramref name="location"/>, 1-based; the path is the tree's (the display path). Not the mapped
    /// span: a #line directive does not move a problem out of the file that has it.</summary>
    public static SourceSpan At(Location location, string firstFile)
    {
        if (!location.IsInSource)
        {
            return SourceSpan.StartOf(firstFile);
        }
        var span = location.GetLineSpan();
        return new SourceSpan(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
    }

    private static IReadOnlyList<CompileProblem> Sorted(IEnumerable<CompileProblem> problems) => problems
        .OrderBy(p => p.At.Path, StringComparer.Ordinal)
        .ThenBy(p => p.At.Line)
        .ThenBy(p => p.At.Column)
        .ThenBy(p => p.Id, StringComparer.Ordinal)
        .ThenBy(p => p.Message, StringComparer.Ordinal)
        .ToList();
}
