using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Core.Engine;

public sealed record LintRequest
{
    public required IReadOnlyList<InputSource> Inputs { get; init; }

    /// <summary>The rules to run; only their findings are reported.</summary>
    public required IReadOnlyList<Rule> Rules { get; init; }

    public SimulationOptions Simulation { get; init; } = new();

    /// <summary>Paths in findings are shown relative to this directory.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();
}
