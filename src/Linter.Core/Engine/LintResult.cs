using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Core.Engine;

internal sealed class LintResult(ClusterSnapshot snapshot, IReadOnlyList<RuleDescriptor> rules, IReadOnlyList<Finding> all)
{
    public ClusterSnapshot Snapshot { get; } = snapshot;

    public IReadOnlyList<SourceFile> Files => Snapshot.Files;

    /// <summary>The rules that ran, ordered by id.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; } = rules;

    /// <summary>Every finding, suppressed and baseline ones included, sorted by file, line, column, rule id and
    /// message: output never depends on scheduling. SARIF reports them all, marked.</summary>
    public IReadOnlyList<Finding> All { get; } = all;

    /// <summary>The findings that count: not suppressed, not in the baseline.</summary>
    public IReadOnlyList<Finding> Findings { get; } = all.Where(f => f.IsActive).ToList();

    /// <summary>The run compared its findings with a baseline.</summary>
    public bool HasBaseline { get; init; }

    /// <summary>Files the configuration's include/exclude globs left out.</summary>
    public int Excluded { get; init; }

    /// <summary>Why the run linted no file at all (a usage problem), or null when it linted some.</summary>
    public string? NothingLinted => Files.Count > 0 ? null
        : Excluded > 0 ? $"no file to lint: the configuration's include/exclude globs leave out all {Excluded} manifest files found"
        : "no file to lint: the paths hold no *.yaml, *.yml or *.json file";

    /// <summary>Some input could not be read or parsed (its problems are KL001 findings).</summary>
    public bool HasInputErrors => Files.Any(f => f.Failed);

    public int ExitCode(Severity? failOn)
    {
        if (HasInputErrors)
        {
            return ExitCodes.InputError;
        }

        return failOn is { } threshold && Findings.Any(f => f.Severity >= threshold) ? ExitCodes.Findings : ExitCodes.Clean;
    }
}

/// <summary>The process exit codes of every front end.</summary>
internal static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int UsageError = 2;
    public const int InputError = 3;
}
