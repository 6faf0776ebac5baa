using System.Text;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Core.Output;

/// <summary>
/// Findings for people: <c>file:line:col: severity KL###: message</c>, a code frame with the anchor
/// underlined, and a summary line. ANSI colour only when <see cref="ReportContext.Color"/> says the output shows it.
/// </summary>
internal sealed class TextReport : IReportWriter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";

    public string Name => "text";

    public string Description => "for people: position, code frame and summary";

    public bool ShowsFingerprints => false;

    public void Write(LintResult result, TextWriter output, ReportContext context)
    {
        var color = context.Color;
        var files = result.Snapshot.FilesByPath;
        foreach (var finding in result.Findings)
        {
            var at = finding.Location;
            output.WriteLine($"{Paint(color, Bold, $"{Printable.Path(at.Path)}:{at.Line}:{at.Column}:")} {Paint(color, SeverityColor(finding.Severity), finding.Severity.ToText())} {Paint(color, Bold, finding.RuleId)}: {Printable.Text(finding.Message)}");
            if (files.TryGetValue(at.Path, out var file))
            {
                WriteFrame(file, at, finding.Severity, output, color);
            }

            foreach (var related in finding.Related)
            {
                output.WriteLine($"    {Paint(color, Dim, $"{Printable.Path(related.Span.Path)}:{related.Span.Line}:{related.Span.Column}:")} {Printable.Text(related.Message)}");
            }

            output.WriteLine();
        }

        output.WriteLine(Summary(result));
    }

    public static string Summary(LintResult result)
    {
        var count = result.Files.Count;
        var files = count == 1 ? "1 file" : $"{count} files";
        var suppressed = result.All.Count(f => f.SuppressedBy is not null);
        var known = result.All.Count(f => f.SuppressedBy is null && f.InBaseline);
        var hidden = (suppressed > 0 ? $"; {suppressed} suppressed" : string.Empty) + (known > 0 ? $"; {known} in the baseline" : string.Empty);
        if (result.Findings.Count == 0)
        {
            return $"no findings in {files}{hidden}";
        }

        var parts = new[] { Severity.Error, Severity.Warning, Severity.Note }
            .Select(s => (s, n: result.Findings.Count(f => f.Severity == s)))
            .Where(x => x.n > 0)
            .Select(x => $"{x.n} {x.s.ToText()}{(x.n == 1 ? string.Empty : "s")}");
        var total = result.Findings.Count;
        return $"{total} finding{(total == 1 ? string.Empty : "s")} ({string.Join(", ", parts)}) in {files}{hidden}";
    }

    private static void WriteFrame(SourceFile file, SourceSpan at, Severity severity, TextWriter output, bool color)
    {
        var line = file.Line(at.Line);
        if (line.Length == 0 && at.Line > 1)
        {
            return;
        }

        var gutter = at.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = Printable.Text(line.Replace('\t', ' '));
        var start = Math.Max(0, Math.Min(at.Column - 1, text.Length));
        var end = at.EndLine == at.Line ? Math.Min(Math.Max(at.EndColumn - 1, start + 1), Math.Max(text.Length, start + 1)) : Math.Max(text.Length, start + 1);
        output.WriteLine($" {Paint(color, Dim, gutter)} | {text}");
        var marker = new StringBuilder().Append(' ', start).Append('^', end - start).ToString();
        output.WriteLine($" {new string(' ', gutter.Length)} | {Paint(color, SeverityColor(severity), marker)}");
    }

    private static string SeverityColor(Severity severity) => severity switch
    {
        Severity.Error => "\u001b[31;1m",
        Severity.Warning => "\u001b[33;1m",
        _ => "\u001b[36m",
    };

    private static string Paint(bool color, string code, string text) => color ? code + text + Reset : text;
}
