using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Core.Engine;

internal sealed record LintRequest
{
    public required IReadOnlyList<InputSource> Inputs { get; init; }

    /// <summary>The rules known; the policy decides which run and at which severity.</summary>
    public required RuleCatalog Catalog { get; init; }

    public Config.RulePolicy Policy { get; init; } = Config.RulePolicy.Default;

    /// <summary>Findings of a previous run: matching findings are kept but no longer count.</summary>
    public IBaseline? Baseline { get; init; }

    /// <summary>Files (full paths) to leave out, e.g. the config file's include/exclude globs; null keeps all.</summary>
    public Func<string, bool>? FileFilter { get; init; }

    public SimulationOptions Simulation { get; init; } = new();

    /// <summary>Stops the run between files and between rules (a host that gives up, a test's budget).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// Findings get their fingerprint (SARIF, the GitLab report and baselines read it). Hashing loads OpenSSL on Linux, a
    /// noticeable part of a small run's start-up: a front end whose reports do not read fingerprints turns this off.
    /// A baseline always needs them.
    /// </summary>
    public bool Fingerprints { get; init; } = true;

    /// <summary>
    /// The run is the process (the CLI): when the snapshot leaves a large heap, it is collected and compacted before the rules. A host
    /// (the analyzer in an IDE, the task in a build server) keeps the collector's own timing: most of its heap is not ours.
    /// </summary>
    public bool OwnsTheProcess { get; init; }

    /// <summary>Paths in findings are shown relative to this directory.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();
}

/// <summary>Findings accepted earlier (a SARIF log written with <c>--write-baseline</c>).</summary>
internal interface IBaseline
{
    bool Contains(Finding finding);
}
