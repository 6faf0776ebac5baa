namespace Linter.Cli;

/// <summary>What standard output is connected to, which decides whether the text report is coloured.</summary>
/// <param name="IsTerminal">Standard output is a terminal, not redirected to a file or a pipe.</param>
/// <param name="NoColor">The value of the NO_COLOR environment variable.</param>
public sealed record Terminal(bool IsTerminal, string? NoColor)
{
    /// <summary>The console this process runs in.</summary>
    public static Terminal Console => new(!System.Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Colour only for a terminal, and never when NO_COLOR is set to anything but the empty string (https://no-color.org).</summary>
    public bool Color => IsTerminal && string.IsNullOrEmpty(NoColor);
}

internal static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
