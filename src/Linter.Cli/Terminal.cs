namespace Linter.Cli;

internal static class Terminal
{
    /// <summary>Colour only for a real terminal, and never when NO_COLOR is set (https://no-color.org).</summary>
    public static bool UseColor(TextWriter output) =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) &&
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
}

internal static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
