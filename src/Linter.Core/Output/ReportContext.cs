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
}
