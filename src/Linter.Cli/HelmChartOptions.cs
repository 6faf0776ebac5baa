using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Linter.Core.Loading;

namespace Linter.Cli;

/// <summary>
/// <c>--helm-chart DIR</c> with <c>--values FILE</c>: runs <c>helm template</c> (the one program kubelint runs, and only
/// when asked to) and lints its output. Helm's <c># Source:</c> comments name the templates inside the chart folder, so
/// findings point at the template files as they are in the repository.
/// </summary>
internal sealed partial class HelmChartOptions
{
    [GeneratedRegex(@"(?m)^# Source: ([^/\r\n]+)/")]
    private static partial Regex SourceComment { get; }

    public Option<string?> Chart { get; } = new("--helm-chart")
    {
        Description = "Render the Helm chart in DIR with `helm template` (helm must be on the PATH) and lint the result; findings point at the chart's template files.",
        HelpName = "DIR",
    };

    public Option<string[]> Values { get; } = new("--values")
    {
        Description = "A values file for --helm-chart, repeatable (passed to `helm template --values`).",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Add(Chart);
        command.Add(Values);
    }

    /// <summary>The rendered chart as an input; null with the reason written to <paramref name="stderr"/> when it cannot be rendered.</summary>
    public InputSource? Render(ParseResult parse, string chart, string workingDirectory, TextWriter stderr)
    {
        if (FindOnPath("helm") is not { } helm)
        {
            stderr.WriteLine("kubelint: --helm-chart needs the `helm` program on the PATH, and it is not there. Install Helm, or render the chart elsewhere and pipe it in: helm template RELEASE CHART | kubelint check -");
            return null;
        }

        var start = new ProcessStartInfo(helm) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var argument in new[] { "template", chart }.Concat((parse.GetValue(Values) ?? []).SelectMany(v => new[] { "--values", v })))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            stderr.WriteLine($"kubelint: `helm template {chart}` failed (exit {process.ExitCode}): {errors.Result.Trim()}");
            return null;
        }

        // Helm names templates CHARTNAME/templates/x.yaml; in the repository they are under the chart folder.
        var folder = ManifestLoader.DisplayPath(chart, workingDirectory);
        var rendered = SourceComment.Replace(output, $"# Source: {folder}/");
        return InputSource.FromText($"<helm template {folder}>", rendered);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
