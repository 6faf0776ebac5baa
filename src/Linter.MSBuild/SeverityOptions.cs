using Linter.Core.Rules;

namespace Linter.MSBuild;

/// <summary>How a finding is logged.</summary>
public enum ReportLevel
{
    None,
    Message,
    Warning,
    Error,
}

/// <summary>
/// A finding's build severity, decided as the C# compiler decides it for the analyzer's diagnostics, so
/// that the task and the analyzer agree: <c>KubeLintFailOn</c> sets the reported severity; a
/// <c>dotnet_diagnostic.KL###.severity</c> entry replaces it; then <c>NoWarn</c> hides the finding
/// (errors too, as the compiler does for analyzer diagnostics), and <c>WarningsAsErrors</c> or <c>TreatWarningsAsErrors</c> (less <c>WarningsNotAsErrors</c>)
/// turn warnings into errors.
/// </summary>
public sealed class SeverityOptions(
    IReadOnlyDictionary<string, string> configured, string? noWarn, string? warningsAsErrors, string? warningsNotAsErrors, bool treatWarningsAsErrors)
{
    private readonly HashSet<string> _noWarn = Codes(noWarn);
    private readonly HashSet<string> _warningsAsErrors = Codes(warningsAsErrors);
    private readonly HashSet<string> _warningsNotAsErrors = Codes(warningsNotAsErrors);

    public ReportLevel Effective(string ruleId, Severity severity, Severity? failOn)
    {
        var level = Reported(severity, failOn);
        if (configured.TryGetValue(ruleId, out var value))
        {
            level = FromConfig(value, level);
        }

        if (level == ReportLevel.None)
        {
            return level;
        }

        if (_noWarn.Contains(ruleId))
        {
            return ReportLevel.None;
        }

        if (level == ReportLevel.Warning &&
            (_warningsAsErrors.Contains(ruleId) || (treatWarningsAsErrors && !_warningsNotAsErrors.Contains(ruleId))))
        {
            return ReportLevel.Error;
        }

        return level;
    }

    /// <summary>Findings at or above <paramref name="failOn"/> are errors, the others at most warnings (notes are messages).</summary>
    public static ReportLevel Reported(Severity severity, Severity? failOn)
    {
        if (failOn is { } threshold && severity >= threshold)
        {
            return ReportLevel.Error;
        }

        return severity == Severity.Note ? ReportLevel.Message : ReportLevel.Warning;
    }

    private static ReportLevel FromConfig(string value, ReportLevel reported) => value.Trim().ToLowerInvariant() switch
    {
        "error" => ReportLevel.Error,
        "warning" => ReportLevel.Warning,
        "suggestion" or "info" => ReportLevel.Message,
        "silent" or "hidden" or "none" => ReportLevel.None,
        _ => reported,
    };

    private static HashSet<string> Codes(string? list) => new(
        (list ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).Where(c => c.Length > 0),
        StringComparer.OrdinalIgnoreCase);
}
