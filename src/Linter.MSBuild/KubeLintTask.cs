using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Output;
using Linter.Core.Output.Sarif;
using Linter.Core.Rules;
using Linter.Rules;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Linter.MSBuild;

/// <summary>
/// Lints a project's manifests in <c>dotnet build</c> with <see cref="LintEngine.Run"/>, as the CLI does,
/// logs every finding as a canonical build error, warning or message
/// (<c>deploy/app.yaml(12,7,12,15): error KL203: …</c>) with the rule's help link, and writes SARIF.
/// Severities follow the same configuration the analyzer obeys: <c>dotnet_diagnostic.KL###.severity</c>
/// in <c>.globalconfig</c> files, <c>NoWarn</c>, <c>WarningsAsErrors</c>, <c>WarningsNotAsErrors</c> and
/// <c>TreatWarningsAsErrors</c>, on top of <c>KubeLintFailOn</c>.
/// </summary>
public sealed class KubeLintTask : MSBuildTask
{
    /// <summary>The manifests to lint (all of them together: rules look across files).</summary>
    public ITaskItem[] Manifests { get; set; } = [];

    /// <summary>Finding paths are relative to this folder (the project's), as the CLI run from it shows them.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>Where to write SARIF 2.1.0; empty for none.</summary>
    public string? SarifFile { get; set; }

    /// <summary>SARIF locations are relative to this folder; default: the git repository around the project.</summary>
    public string? SarifRoot { get; set; }

    /// <summary>The kubelint configuration file; it must exist when named.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Precompiled rule packs (<c>KubeLintRulePackage</c> items, relative to the project), loaded besides those the
    /// configuration's <c>rulePackages</c> names.</summary>
    public ITaskItem[] RulePackages { get; set; } = [];

    /// <summary><c>error</c> (default), <c>warning</c>, <c>note</c> or <c>none</c>: findings at this severity or above are build errors.</summary>
    public string? FailOn { get; set; }

    /// <summary>Global analyzer config files (<c>.globalconfig</c>) with <c>dotnet_diagnostic.KL###.severity</c> entries.</summary>
    public ITaskItem[] GlobalConfigFiles { get; set; } = [];

    public string? NoWarn { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>Number of findings logged as errors, warnings and messages.</summary>
    [Output]
    public int ErrorCount { get; private set; }

    [Output]
    public int WarningCount { get; private set; }

    public override bool Execute()
    {
        var options = new LintOptions
        {
            WorkingDirectory = ProjectDirectory,
            Config = string.IsNullOrWhiteSpace(ConfigFile) ? ConfigSource.None : ConfigSource.Named(ConfigFile!),
            FailOn = FailOn,
        };
        if (new TaskRuleCatalog(Log, ProjectDirectory).Build(options, RulePackages.Select(p => p.ItemSpec)) is not { } catalog)
        {
            return false;
        }

        var (setup, problems) = LintSetup.Prepare(options, catalog);
        foreach (var problem in problems)
        {
            if (problem.Span is { } at)
            {
                Log.LogError(null, "KL000", null, ResolvePath(at.Path), at.Line, at.Column, at.EndLine, at.EndColumn, problem.Message);
            }
            else
            {
                Log.LogError(null, "KL000", null, ConfigFile, 0, 0, 0, 0, problem.Message);
            }
        }

        if (problems.Count > 0)
        {
            return false;
        }

        var severities = new SeverityOptions(
            GlobalConfig.ReadSeverities(GlobalConfigFiles.Select(f => ResolvePath(f.ItemSpec)), (path, line, message) =>
                Log.LogWarning(null, "KL000", null, path, line, 0, 0, 0, message)),
            NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);

        var manifests = Manifests
            .Select(m => m.GetMetadata("FullPath") is { Length: > 0 } full ? full : ResolvePath(m.ItemSpec))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var result = LintEngine.Run(setup.Request(manifests.Select(InputSource.FromListedFile).ToList()));
        var failOn = setup.FailOn;
        if (result.NothingLinted is { } why)
        {
            Log.LogWarning(null, "KL000", null, ConfigFile, 0, 0, 0, 0, why);
        }
        var descriptors = result.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);

        foreach (var finding in result.Findings)
        {
            var level = severities.Effective(finding.RuleId, finding.Severity, failOn);
            descriptors.TryGetValue(finding.RuleId, out var rule);
            Report(finding, level, rule?.HelpUri);
        }

        Log.LogMessage(MessageImportance.Normal, $"kubelint: {manifests.Count} manifests, {ErrorCount} errors, {WarningCount} warnings");
        if (!string.IsNullOrWhiteSpace(SarifFile))
        {
            WriteSarif(result, failOn, setup.Catalog);
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>
    /// Logs a finding as the compiler prints the analyzer's diagnostic: the message followed by the help link in
    /// parentheses (the console shows no other trace of the link), so both modes print the same line.
    /// </summary>
    private void Report(Finding finding, ReportLevel level, string? helpLink)
    {
        var at = finding.Location;
        var message = helpLink is null ? finding.Message : $"{finding.Message} ({helpLink})";
        switch (level)
        {
            case ReportLevel.Error:
                ErrorCount++;
                Log.LogError(null, finding.RuleId, null, helpLink, at.Path, at.Line, at.Column, at.EndLine, at.EndColumn, message);
                break;
            case ReportLevel.Warning:
                WarningCount++;
                Log.LogWarning(null, finding.RuleId, null, helpLink, at.Path, at.Line, at.Column, at.EndLine, at.EndColumn, message);
                break;
            case ReportLevel.Message:
                // Notes are suggestions: like the compiler's info diagnostics, they stay out of the default output.
                Log.LogMessage(null, finding.RuleId, null, at.Path, at.Line, at.Column, at.EndLine, at.EndColumn, MessageImportance.Normal, message);
                break;
            default:
                return;
        }

        foreach (var related in finding.Related)
        {
            var span = related.Span;
            Log.LogMessage(null, finding.RuleId, null, span.Path, span.Line, span.Column, span.EndLine, span.EndColumn, MessageImportance.Normal, "related: " + related.Message);
        }
    }

    private void WriteSarif(LintResult result, Severity? failOn, RuleCatalog catalog)
    {
        var path = ResolvePath(SarifFile!);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
            new SarifReport().Write(result, file, new ReportContext
            {
                ToolVersion = Version,
                RootDirectory = string.IsNullOrWhiteSpace(SarifRoot) ? ReportPaths.RepositoryRoot(ProjectDirectory) : ResolvePath(SarifRoot!),
                WorkingDirectory = ProjectDirectory,
                ExitCode = result.ExitCode(failOn),
                Documentation = catalog.Documentation,
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, "KL000", null, SarifFile, 0, 0, 0, 0, $"cannot write the SARIF file: {ex.Message}");
        }
    }

    /// <summary>The package's version (the assembly's informational version, without a source revision).</summary>
    internal static string Version { get; } =
        (typeof(KubeLintTask).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    private string ResolvePath(string path) => Path.GetFullPath(Path.Combine(ProjectDirectory, path));
}
