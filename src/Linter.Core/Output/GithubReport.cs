using System.Text;
using Linter.Core.Engine;
using Linter.Core.Rules;

namespace Linter.Core.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>): annotations on the changed lines of a pull
/// request for repositories without code scanning. GitHub shows at most <see cref="AnnotationsPerLevel"/> annotations of
/// each level per step: the findings past that are printed as plain log lines in a group, and the last annotation says
/// how many were not shown. With a job summary file (<c>GITHUB_STEP_SUMMARY</c>) the Markdown report is appended to it.
/// </summary>
internal sealed class GithubReport : IReportWriter
{
    /// <summary>GitHub keeps 10 error, 10 warning and 10 notice annotations per step and drops the rest.</summary>
    public const int AnnotationsPerLevel = 10;

    public string Name => "github";

    public string Description => $"GitHub Actions workflow commands: annotations without code scanning ({AnnotationsPerLevel} per level, the rest in the log), and the markdown report as the job summary when GITHUB_STEP_SUMMARY is set";

    public bool ShowsFingerprints => false;

    public void Write(LintResult result, TextWriter output, ReportContext context)
    {
        var findings = result.Findings;
        var overflows = findings.GroupBy(Level).Any(g => g.Count() > AnnotationsPerLevel);
        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        var hidden = new List<Finding>();
        foreach (var finding in findings)
        {
            var level = Level(finding);
            // The closing notice takes one notice slot.
            var room = overflows && level == "notice" ? AnnotationsPerLevel - 1 : AnnotationsPerLevel;
            shown[level] = shown.TryGetValue(level, out var count) ? count + 1 : 1;
            if (shown[level] > room)
            {
                hidden.Add(finding);
                continue;
            }

            var at = finding.Location;
            var properties = string.Join(",",
                $"file={Property(context.RepositoryPath(at.Path))}",
                $"line={at.Line}",
                $"endLine={at.EndLine}",
                $"col={at.Column}",
                $"endColumn={at.EndColumn}",
                $"title={Property(finding.RuleId)}");
            output.WriteLine($"::{level} {properties}::{Data(finding.Message)}");
        }

        var summary = context.StepSummary is { } file && AppendSummary(result, context, file);
        if (hidden.Count > 0)
        {
            output.WriteLine($"::group::{hidden.Count} more findings");
            foreach (var finding in hidden)
            {
                output.WriteLine($"{Printable.Path(context.RepositoryPath(finding.Location.Path))}:{finding.Location.Line}:{finding.Location.Column}: {finding.Severity.ToText()} {finding.RuleId}: {Printable.Text(finding.Message)}");
            }

            output.WriteLine("::endgroup::");
            var counts = string.Join(", ", hidden.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToText()}{(g.Count() == 1 ? string.Empty : "s")}"));
            output.WriteLine($"::notice title=kubelint::{hidden.Count} findings are not shown as annotations ({counts}): GitHub shows {AnnotationsPerLevel} per level per step. " +
                $"They are listed in the log under \"{hidden.Count} more findings\"{(summary ? " and in the job summary" : string.Empty)}.");
        }
    }

    /// <summary>Appends the Markdown report within what is left of GitHub's 1 MiB per step; false when it cannot be written.</summary>
    private static bool AppendSummary(LintResult result, ReportContext context, string file)
    {
        try
        {
            var used = File.Exists(file) ? new FileInfo(file).Length : 0;
            var markdown = new MarkdownReport { MaxBytes = MarkdownReport.StepSummaryBytes - used }.Render(result, context);
            File.AppendAllText(file, markdown, new UTF8Encoding(false));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Level(Finding finding) => finding.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };

    private static string Data(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
