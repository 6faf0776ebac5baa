using System.Collections.Immutable;
using Linter.Core.Config;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Linter.Analyzer;

/// <summary>
/// What kubelint's analyzers share: all manifests of a compilation (AdditionalFiles marked with the
/// <c>KubeLintManifest</c> metadata by the package's targets) are linted together, once, with
/// <see cref="LintEngine.Run"/> as the CLI does, so that rules looking across files (a Service and the pods it selects)
/// see the same input. Each finding of a rule in <paramref name="reported"/> is reported from the additional-file
/// action of the file it is in, so the IDE shows it live on that file.
/// </summary>
/// <param name="reported">The descriptors of the rules whose findings this analyzer reports, by rule id.</param>
/// <param name="catalogFor">The catalog to lint with, given the custom rules the configuration names and whether the
/// project has a rule pack analyzer.</param>
internal sealed class ManifestAnalysis(ImmutableDictionary<string, DiagnosticDescriptor> reported, Func<RuleSources, bool, RuleCatalog> catalogFor)
{
    public const string ModeProperty = "build_property.KubeLintMode";
    public const string FailOnProperty = "build_property.KubeLintFailOn";
    public const string ProjectDirectoryProperty = "build_property.MSBuildProjectDirectory";
    public const string RulePackAnalyzerProperty = "build_property._KubeLintRulePackAnalyzer";
    public const string ManifestMetadata = "build_metadata.AdditionalFiles.KubeLintManifest";
    public const string ConfigMetadata = "build_metadata.AdditionalFiles.KubeLintConfig";

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        reported.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>Registers the lint of each compilation (the analyzer configures generated code and concurrency itself).</summary>
    public void RegisterLint(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var global = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            if (!IsEnabled(global))
            {
                return;
            }

            var lint = new Lazy<Linted>(() => Lint(start.Options, global, start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterAdditionalFileAction(file =>
            {
                var linted = lint.Value;
                if (!linted.FindingsByFile.TryGetValue(file.AdditionalFile.Path, out var findings))
                {
                    return;
                }

                var text = file.AdditionalFile.GetText(file.CancellationToken);
                if (text is null)
                {
                    return;
                }

                foreach (var finding in findings)
                {
                    if (reported.TryGetValue(finding.RuleId, out var descriptor))
                    {
                        file.ReportDiagnostic(CreateDiagnostic(descriptor, finding, linted.FailOn, file.AdditionalFile.Path, text, linted));
                    }
                }
            });
        });
    }

    /// <summary>The analyzer reports only when the package's targets chose it (<c>KubeLintMode</c> = <c>Analyzer</c>), so that
    /// it and the MSBuild task never report the same finding twice in one build.</summary>
    private static bool IsEnabled(AnalyzerConfigOptions global) =>
        global.TryGetValue(ModeProperty, out var mode) && string.Equals(mode.Trim(), "Analyzer", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>KubeLintFailOn</c>: findings at this severity or above are errors; an unknown value keeps the default
    /// (the task reports it as an error).</summary>
    private static string? FailOnText(AnalyzerConfigOptions global) => global.TryGetValue(FailOnProperty, out var text) ? text : null;

    private sealed class Linted(Dictionary<string, List<Finding>> byFile, Dictionary<string, AdditionalText> byDisplayPath, Severity? failOn)
    {
        public Severity? FailOn { get; } = failOn;

        /// <summary>Findings keyed by the full path of the additional file they are in.</summary>
        public Dictionary<string, List<Finding>> FindingsByFile { get; } = byFile;

        public Dictionary<string, AdditionalText> FilesByDisplayPath { get; } = byDisplayPath;
    }

    private static bool IsMarked(AnalyzerOptions options, AdditionalText file, string metadata) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(metadata, out var marked) &&
        string.Equals(marked.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private Linted Lint(AnalyzerOptions options, AnalyzerConfigOptions global, CancellationToken cancellation)
    {
        global.TryGetValue(ProjectDirectoryProperty, out var projectDirectory);
        var byDisplayPath = new Dictionary<string, AdditionalText>(StringComparer.Ordinal);
        var inputs = new List<InputSource>();
        var workingDirectory = string.IsNullOrEmpty(projectDirectory) ? "/" : projectDirectory!;
        var configFile = options.AdditionalFiles.FirstOrDefault(f => IsMarked(options, f, ConfigMetadata));
        // A configuration with problems counts as none here (the setup falls back to the defaults); the task and the
        // CLI report the problems with positions.
        var configText = configFile?.GetText(cancellation)?.ToString() ?? string.Empty;
        var (setup, _) = LintSetup.Prepare(new LintOptions
        {
            WorkingDirectory = workingDirectory,
            Config = configFile is null ? ConfigSource.None : ConfigSource.FromText(configFile.Path, configText),
            FailOn = FailOnText(global),
        }, catalogFor(configFile is null ? RuleSources.None : RuleSources.Read(configFile.Path, configFile.Path, configText), HasRulePackAnalyzer(global)));
        foreach (var file in options.AdditionalFiles)
        {
            if (!IsMarked(options, file, ManifestMetadata))
            {
                continue;
            }

            var text = file.GetText(cancellation);
            if (text is null)
            {
                continue;
            }

            var displayPath = DisplayPath(file.Path, projectDirectory);
            if (byDisplayPath.ContainsKey(displayPath))
            {
                continue;
            }

            byDisplayPath[displayPath] = file;
            inputs.Add(InputSource.FromFileText(file.Path, displayPath, text.ToString()));
        }

        var byFile = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        if (inputs.Count == 0)
        {
            return new Linted(byFile, byDisplayPath, setup.FailOn);
        }

        cancellation.ThrowIfCancellationRequested();
        var result = LintEngine.Run(setup.Request(inputs));
        foreach (var finding in result.Findings)
        {
            if (byDisplayPath.TryGetValue(finding.Location.Path, out var file))
            {
                if (!byFile.TryGetValue(file.Path, out var list))
                {
                    byFile[file.Path] = list = [];
                }

                list.Add(finding);
            }
        }

        return new Linted(byFile, byDisplayPath, setup.FailOn);
    }

    /// <summary>
    /// The path the engine sees, as the CLI run from the project folder shows it: relative to the project
    /// with '/' separators. Folders matter to the rules (a Service selects the pods of its closest folder).
    /// </summary>
    internal static string DisplayPath(string path, string? projectDirectory) =>
        string.IsNullOrEmpty(projectDirectory) ? path.Replace('\\', '/') : ManifestLoader.DisplayPath(path, projectDirectory!);

    private static Diagnostic CreateDiagnostic(DiagnosticDescriptor descriptor, Finding finding, Severity? failOn, string path, SourceText text, Linted linted)
    {
        var location = CreateLocation(path, finding.Location, text);
        var related = new List<Location>();
        foreach (var r in finding.Related)
        {
            if (linted.FilesByDisplayPath.TryGetValue(r.Span.Path, out var file) && file.GetText() is { } relatedText)
            {
                related.Add(CreateLocation(file.Path, r.Span, relatedText));
            }
        }

        return Diagnostic.Create(descriptor, location, ReportedSeverity(finding.Severity, failOn), related, properties: null, finding.Message);
    }

    /// <summary>With <c>KubeLintFailOn</c>, findings at or above the threshold are errors and the others at most warnings.</summary>
    internal static DiagnosticSeverity ReportedSeverity(Severity severity, Severity? failOn)
    {
        if (failOn is { } threshold && severity >= threshold)
        {
            return DiagnosticSeverity.Error;
        }

        return severity switch
        {
            Severity.Error or Severity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
    }

    /// <summary>A location in an additional file from a finding's 1-based line and column (end column exclusive).</summary>
    internal static Location CreateLocation(string path, SourceSpan span, SourceText text)
    {
        var start = Clamp(text, span.Line, span.Column);
        var end = Clamp(text, span.EndLine, span.EndColumn);
        if (end < start)
        {
            end = start;
        }

        var textSpan = new TextSpan(start, end - start);
        return Location.Create(path, textSpan, text.Lines.GetLinePositionSpan(textSpan));
    }

    private static int Clamp(SourceText text, int line, int column)
    {
        if (text.Lines.Count == 0)
        {
            return 0;
        }

        var index = Math.Min(Math.Max(line, 1), text.Lines.Count) - 1;
        var textLine = text.Lines[index];
        return textLine.Start + Math.Min(Math.Max(column, 1) - 1, textLine.End - textLine.Start);
    }

    /// <summary>The descriptor of a rule of <paramref name="catalog"/> (its page gives the description).</summary>
    internal static DiagnosticDescriptor CreateDescriptor(RuleDescriptor rule, RuleCatalog catalog) => new(
        rule.Id,
        rule.Title,
        "{0}",
        "Kubernetes",
        rule.DefaultSeverity switch
        {
            Severity.Error => DiagnosticSeverity.Error,
            Severity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        },
        isEnabledByDefault: true,
        description: catalog.Documentation(rule).Summary,
        helpLinkUri: rule.HelpUri,
        customTags: [rule.Family]);

    /// <summary>Whether the package's targets compiled a rule pack analyzer for the project (<c>KubeLintRulePackage</c>
    /// items or the configuration's <c>rulePackages</c>): the built-in analyzer then leaves the packs' rules to it.</summary>
    private static bool HasRulePackAnalyzer(AnalyzerConfigOptions global) =>
        global.TryGetValue(RulePackAnalyzerProperty, out var path) && !string.IsNullOrWhiteSpace(path);
}
