using Linter.Core.Config;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.CustomRules;
using RuleSource = Linter.Core.Config.RuleSource;
using Linter.Rules;
using Microsoft.Build.Utilities;

namespace Linter.MSBuild;

/// <summary>
/// The rule catalog of the task: the built-in rules and the precompiled rule packs that the configuration's
/// <c>rulePackages</c> and the project's <c>KubeLintRulePackage</c> items name. Custom rule sources
/// (<c>customRules</c>) are not compiled in the build: the task warns once and lints without them.
/// </summary>
internal sealed class TaskRuleCatalog(TaskLoggingHelper log, string projectDirectory)
{
    /// <summary>The catalog, or null after logging the errors that stop the build (a pack that does not load, a rule
    /// whose id or slug is invalid or taken).</summary>
    public RuleCatalog? Build(LintOptions options, IEnumerable<string> itemPackages)
    {
        var sources = LintSetup.CustomRuleSources(options).Sources;
        if (sources.Folders.Count > 0)
        {
            var at = sources.Folders[0].At;
            log.LogWarning(null, "KL000", null, FullPath(at.Path), at.Line, at.Column, at.EndLine, at.EndColumn,
                "the build does not compile the custom rule sources of customRules and lints without them: list a built rule pack in rulePackages, or run the kubelint CLI");
        }

        var (custom, loadProblems) = CustomRuleLoader.LoadPackages(Packages(sources, itemPackages, projectDirectory), projectDirectory);
        foreach (var problem in loadProblems)
        {
            Log(problem.At, problem.Id, problem.IsError, problem.Message);
        }

        var failed = loadProblems.Any(p => p.IsError);
        var (catalog, problems) = CustomRuleCatalog.Compose(BuiltInRules.Catalog, custom);
        foreach (var problem in problems)
        {
            Log(problem.Span, "KL000", isError: true, problem.Message);
        }

        if (failed || problems.Count > 0)
        {
            return null;
        }

        // Settings of rules that only the sources define are then not errors (the analyzer reads them the same way).
        return sources.Folders.Count > 0 ? catalog.LackingCustomRules() : catalog;
    }

    /// <summary>The rule packs of a project: those the configuration's <c>rulePackages</c> names, then its
    /// <c>KubeLintRulePackage</c> items (relative to the project), each once.</summary>
    public static IReadOnlyList<RuleSource> Packages(RuleSources configured, IEnumerable<string> itemPackages, string projectDirectory) => configured.Packages
        .Concat(itemPackages.Select(path => Path.GetFullPath(Path.Combine(projectDirectory, path)))
            .Select(path => new RuleSource(path, SourceSpan.StartOf(ManifestLoader.DisplayPath(path, projectDirectory)))))
        .DistinctBy(package => package.FullPath, StringComparer.Ordinal)
        .ToList();

    private void Log(SourceSpan at, string code, bool isError, string message)
    {
        if (isError)
        {
            log.LogError(null, code, null, FullPath(at.Path), at.Line, at.Column, at.EndLine, at.EndColumn, message);
        }
        else
        {
            log.LogWarning(null, code, null, FullPath(at.Path), at.Line, at.Column, at.EndLine, at.EndColumn, message);
        }
    }

    private string FullPath(string path) => Path.GetFullPath(Path.Combine(projectDirectory, path));
}
