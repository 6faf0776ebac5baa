using Linter.Core.Engine;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Linter.MSBuild;

/// <summary>
/// Writes the C# source of a project's rule pack analyzer (<c>KubeLintMode=Analyzer</c>): a subclass of
/// <c>Linter.Analyzer.KubeLintRulePackAnalyzer</c> that names the project's rule packs, which the targets then compile
/// and add to the project's analyzers. A Roslyn analyzer's diagnostics are fixed when it is created, so the packs
/// must be known then. Writes nothing when the project names no pack.
/// </summary>
public sealed class RulePackAnalyzerSource : MSBuildTask
{
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The kubelint configuration file, whose <c>rulePackages</c> are read.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>The project's <c>KubeLintRulePackage</c> items.</summary>
    public ITaskItem[] RulePackages { get; set; } = [];

    /// <summary>Where to write the source (rewritten only when it changes, so the analyzer is not rebuilt for nothing);
    /// empty to list the packs only (the task's incremental inputs).</summary>
    public string? SourceFile { get; set; }

    /// <summary>The full paths of the rule packs, in the order the analyzer loads them; empty when there are none.</summary>
    [Output]
    public ITaskItem[] Packages { get; private set; } = [];

    public override bool Execute()
    {
        var options = new LintOptions
        {
            WorkingDirectory = ProjectDirectory,
            Config = string.IsNullOrWhiteSpace(ConfigFile) ? ConfigSource.None : ConfigSource.Named(ConfigFile!),
        };
        var packages = TaskRuleCatalog.Packages(LintSetup.CustomRuleSources(options).Sources, RulePackages.Select(p => p.ItemSpec), ProjectDirectory);
        Packages = [.. packages.Select(p => new TaskItem(p.FullPath))];
        if (packages.Count == 0 || string.IsNullOrEmpty(SourceFile))
        {
            return true;
        }

        var text = RulePackAnalyzerCode.Source(packages.Select(p => p.FullPath));
        if (!File.Exists(SourceFile) || File.ReadAllText(SourceFile) != text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(SourceFile!))!);
            File.WriteAllText(SourceFile!, text);
        }

        return true;
    }
}
