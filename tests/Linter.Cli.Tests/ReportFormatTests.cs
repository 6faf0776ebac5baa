using System.Text.RegularExpressions;
using Linter.Core.Output;

namespace Linter.Cli.Tests;

public sealed class ReportFormatTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kubelint-formats-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CliRun Check(params string[] args) => Cli.RunIn(Cli.Root, string.Empty, ["check", "examples", "--sarif-category", "kubelint", .. args]);

    private string InDir(string name) => Path.Combine(_dir, name);

    [Fact]
    public void The_registry_holds_every_writer_once_and_the_help_lists_each_with_its_description()
    {
        var writers = typeof(IReportWriter).Assembly.GetTypes().Where(t => typeof(IReportWriter).IsAssignableFrom(t) && !t.IsInterface);
        Assert.Equal(writers.Select(t => t.FullName).Order(StringComparer.Ordinal), ReportFormats.All.Select(w => w.GetType().FullName).Order(StringComparer.Ordinal));
        Assert.Equal(ReportFormats.All.Count, ReportFormats.All.Select(w => w.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());

        var help = Regex.Replace(Cli.Run("check", "--help").Stdout, @"\s+", " ");
        Assert.All(ReportFormats.All, w => Assert.Contains($"{w.Name} ({w.Description})", help));
    }

    [Fact]
    public void Several_formats_in_one_run_write_what_each_single_format_run_writes()
    {
        var run = Check("--format", $"sarif={InDir("out.sarif")}", "--format", "text", "--format", $"junit={InDir("out.xml")}", "--format", $"json={InDir("out.json")}");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(Check("--format", "text").Stdout, run.Stdout);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(Check("--format", "sarif").Stdout, File.ReadAllText(InDir("out.sarif")));
        Assert.Equal(Check("--format", "junit").Stdout, File.ReadAllText(InDir("out.xml")));
        Assert.Equal(Check("--format", "json").Stdout, File.ReadAllText(InDir("out.json")));
    }

    [Fact]
    public void When_every_report_goes_to_a_file_the_summary_goes_to_standard_error()
    {
        var run = Check("--format", $"github={InDir("annotations.txt")}", "--format", "text", "--output", InDir("report.txt"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var text = Check("--format", "text").Stdout;
        Assert.Equal(text, File.ReadAllText(InDir("report.txt")));
        Assert.EndsWith(Environment.NewLine + run.Stderr, text);
        Assert.StartsWith("8 findings", run.Stderr);
        Assert.Equal(Check("--format", "github").Stdout, File.ReadAllText(InDir("annotations.txt")));
    }

    [Theory]
    [InlineData("at most one report can go to standard output", "--format", "text", "--format", "json")]
    [InlineData("at most one report can go to standard output", "--format", "sarif=out.sarif", "-f", "text", "-f", "github")]
    [InlineData("takes the report of one --format given without =FILE, not 2", "--format", "text", "--format", "json", "--output", "out.txt")]
    [InlineData("has no report to take", "--format", "sarif=out.sarif", "--output", "out.txt")]
    [InlineData("name the file after '='", "--format", "sarif=")]
    [InlineData("2 reports would overwrite each other in", "--format", "sarif=out", "--format", "json=./out")]
    public void Report_destinations_that_cannot_work_are_usage_errors(string message, params string[] formats)
    {
        var run = Cli.RunIn(_dir, string.Empty, ["check", Cli.Examples, .. formats]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Theory]
    [InlineData("sarf", "did you mean 'sarif'?")]
    [InlineData("JSNO", "did you mean 'json'?")]
    [InlineData("xml=out.xml", "unknown format 'xml'; use text, json, sarif, github, gitlab, junit or markdown")]
    public void An_unknown_format_is_a_usage_error_with_a_suggestion(string format, string message)
    {
        var run = Cli.Run("check", Cli.Examples, "--format", format);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }

    [Fact]
    public void Format_names_are_case_insensitive()
    {
        Assert.Equal(Check("--format", "sarif").Stdout, Check("--format", "SARIF").Stdout);
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "", true)]
    [InlineData(true, "1", false)]
    [InlineData(false, null, false)]
    public void Text_is_coloured_only_on_a_terminal_without_NO_COLOR(bool isTerminal, string? noColor, bool coloured)
    {
        var run = Cli.RunOn(new Terminal(isTerminal, noColor), Cli.Root, string.Empty, "check", "examples/shop/web.yaml");

        Assert.Contains("nodePort 8080 is outside", run.Stdout);
        Assert.Equal(coloured, run.Stdout.Contains("\u001b[31;1merror\u001b[0m", StringComparison.Ordinal));
        Assert.Equal(coloured, run.Stdout.Contains('\u001b'));
    }

    [Fact]
    public void Text_written_to_a_file_is_never_coloured()
    {
        var run = Cli.RunOn(new Terminal(IsTerminal: true, NoColor: null), Cli.Root, string.Empty, "check", "examples", "--format", $"text={InDir("report.txt")}", "--format", "github");

        Assert.Equal(Check("--format", "text").Stdout, File.ReadAllText(InDir("report.txt")));
        Assert.DoesNotContain('\u001b', File.ReadAllText(InDir("report.txt")));
    }
}
