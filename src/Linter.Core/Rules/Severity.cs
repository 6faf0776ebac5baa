namespace Linter.Core.Rules;

/// <summary>Ordered from least to most severe, so severities compare with &lt; and &gt;.</summary>
public enum Severity
{
    /// <summary>Worth knowing; never fails a run unless asked (<c>--fail-on note</c>).</summary>
    Note = 1,

    /// <summary>Probably a mistake; fails a run with <c>--fail-on warning</c>.</summary>
    Warning = 2,

    /// <summary>A mistake: the cluster refuses the manifest or it does not work as written; fails a run.</summary>
    Error = 3,
}

/// <summary>The names of severities as written in the configuration and the output.</summary>
public static class SeverityNames
{
    /// <summary><c>error</c>, <c>warning</c> or <c>note</c>.</summary>
    public static string ToText(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>Reads <c>error</c>, <c>warning</c> or <c>note</c>, in any case.</summary>
    public static bool TryParse(string text, out Severity severity)
    {
        switch (text.ToLowerInvariant())
        {
            case "error": severity = Severity.Error; return true;
            case "warning": severity = Severity.Warning; return true;
            case "note": severity = Severity.Note; return true;
            default: severity = default; return false;
        }
    }
}
