using Linter.Core.Rules;

namespace Linter.Core.Output;

/// <summary>What a report needs to know beyond the lint result: the run, the tool and where the report goes.</summary>
internal sealed record ReportContext
{
    public required string ToolVersion { get; init; }

    /// <summary>Locations in SARIF and <c>github</c> reports are relative to this folder (the repository root).</summary>
    public required string RootDirectory { get; init; }

    /// <summary>The folder finding paths are relative to.</summary>
    public required string WorkingDirectory { get; init; }

    public required int ExitCode { get; init; }

    public required Func<RuleDescriptor, RuleDocumentation> Documentation { get; init; }

    /// <summary>SARIF <c>automationDetails.id</c>: tells code scanning which analysis the results belong to.</summary>
    public string? Category { get; init; }

    /// <summary>The output is a terminal that shows ANSI colour (and the user has not turned colour off).</summary>
    public bool Color { get; init; }

    /// <summary>The <c>--fail-on</c> threshold (null: never fail): JUnit reports only findings at or above it as failures.</summary>
    public Severity? FailOn { get; init; } = Severity.Error;

    /// <summary>JUnit test cases: one per rule, or one per linted file.</summary>
    public JunitCases JunitCases { get; init; } = JunitCases.Rule;

    /// <summary>
    /// Links to files in Markdown reports start with this URL (a repository's blob view at a commit, e.g.
    /// <c>https://github.com/OWNER/REPO/blob/SHA</c>); without it the links are relative paths.
    /// </summary>
    public string? SourceUrl { get; init; }

    /// <summary>The job summary file of GitHub Actions (<c>GITHUB_STEP_SUMMARY</c>): the github format appends the Markdown report to it.</summary>
    public string? StepSummary { get; init; }

    /// <summary>A finding's path relative to <see cref="RootDirectory"/> with '/', or the path as given when outside it.</summary>
    public string RepositoryPath(string path) => ReportPaths.RelativeTo(RootDirectory, WorkingDirectory, path) ?? path;
}

/// <summary>What one JUnit test case stands for (<c>--junit-cases</c>).</summary>
internal enum JunitCases
{
    /// <summary>One test case per rule: it fails with the rule's findings in every file.</summary>
    Rule,

    /// <summary>One test case per linted file: it fails with every rule's findings in that file.</summary>
    File,
}
