using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Rules;

namespace Linter.MSBuild.Tests;

/// <summary>What the build should print: the engine's findings, run as the CLI runs it from the project folder.</summary>
public static class Expected
{
    internal static LintResult Lint(string projectFolder, params string[] paths) => LintEngine.Run(new LintRequest
    {
        Inputs = paths.Select(p => InputSource.FromPath(Path.Combine(projectFolder, p))).ToList(),
        Catalog = BuiltInRules.Catalog,
        WorkingDirectory = projectFolder,
    });

    /// <summary>The canonical MSBuild line of a finding logged by the task (before MSBuild appends the project).</summary>
    public static string TaskLine(Finding f, string level) =>
        $"{f.Location.Path}({f.Location.Line},{f.Location.Column},{f.Location.EndLine},{f.Location.EndColumn}): {level} {f.RuleId}: {f.Message} ({HelpUri(f.RuleId)})";

    public static string HelpUri(string ruleId) => BuiltInRules.Catalog.All.Single(r => r.Descriptor.Id == ruleId).Descriptor.HelpUri!;

    public static string Level(Severity severity) => severity == Severity.Error ? "error" : "warning";

    /// <summary>
    /// Lines of build output that carry a KL diagnostic, without MSBuild's node prefix and project suffix, up to the
    /// summary (which repeats the errors and warnings).
    /// </summary>
    public static IReadOnlyList<string> DiagnosticLines(DotnetRun run, string projectFile) => run.Lines
        .Select(l => l.Trim())
        .TakeWhile(l => l is not ("Build FAILED." or "Build succeeded."))
        .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"^\d+>", string.Empty))
        .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\): (error|warning|message) KL\d{3}: "))
        .Select(l => l.EndsWith($" [{projectFile}]", StringComparison.Ordinal) ? l.Substring(0, l.Length - projectFile.Length - 3) : l)
        .ToList();
}
