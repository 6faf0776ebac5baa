using System.Globalization;
using System.Text;
using Linter.Core.Engine;
using Linter.Core.Rules;

namespace Linter.Core.Output;

/// <summary>
/// Markdown for a GitHub job summary (<c>$GITHUB_STEP_SUMMARY</c>) or a pull request comment: the counts by severity
/// and by rule, the findings as a table linking to file and line, and the traffic the simulation built as a Mermaid
/// diagram (<see cref="TrafficGraph"/>) with the broken hops red. Kept under <see cref="MaxBytes"/>: findings that
/// do not fit are counted, not listed.
/// </summary>
internal sealed class MarkdownReport : IReportWriter
{
    /// <summary>GitHub refuses a step summary over 1 MiB (the whole summary is lost).</summary>
    public const int StepSummaryBytes = 1024 * 1024;

    public string Name => "markdown";

    public string Description => "Markdown for job summaries and pull request comments: counts, findings linked to file:line, a Mermaid diagram of the traffic with broken hops red";

    public bool ShowsFingerprints => false;

    public long MaxBytes { get; init; } = long.MaxValue;

    public void Write(LintResult result, TextWriter output, ReportContext context) => output.Write(Render(result, context));

    public string Render(LintResult result, ReportContext context)
    {
        var head = new StringBuilder();
        head.Append("## kubelint\n\n").Append(TextReport.Summary(result)).Append('\n');
        if (result.Findings.Count > 0)
        {
            AppendCounts(head, result);
        }

        var diagram = Diagram(result);
        var rows = result.Findings.Select(f => Row(f, context)).ToList();
        var budget = MaxBytes - Bytes(head) - Bytes(diagram) - 200;
        if (budget < 0)
        {
            diagram = "\n### Traffic\n\nThe diagram is left out: it does not fit in the summary; `kubelint graph` prints it.\n";
            budget = MaxBytes - Bytes(head) - Bytes(diagram) - 200;
        }

        var report = new StringBuilder().Append(head);
        if (rows.Count > 0)
        {
            report.Append("\n### Findings\n\n| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n");
            var listed = 0;
            foreach (var row in rows)
            {
                budget -= Encoding.UTF8.GetByteCount(row);
                if (budget < 0)
                {
                    break;
                }

                report.Append(row);
                listed++;
            }

            if (listed < rows.Count)
            {
                report.Append(FormattableString.Invariant($"\n{rows.Count - listed} more findings are not listed: the summary would pass its size limit. The text, JSON and SARIF reports list them all.\n"));
            }
        }

        return report.Append(diagram).ToString();
    }

    private static void AppendCounts(StringBuilder text, LintResult result)
    {
        text.Append("\n| Rule | Errors | Warnings | Notes |\n| --- | ---: | ---: | ---: |\n");
        var rules = result.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var group in result.Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rule = rules.TryGetValue(group.Key, out var known) ? known : null;
            text.Append(FormattableString.Invariant($"| {RuleLink(group.Key, rule)} {Cell(rule?.Title ?? string.Empty)} | {Count(group, Severity.Error)} | {Count(group, Severity.Warning)} | {Count(group, Severity.Note)} |\n"));
        }

        text.Append(FormattableString.Invariant($"| **Total** | {Count(result.Findings, Severity.Error)} | {Count(result.Findings, Severity.Warning)} | {Count(result.Findings, Severity.Note)} |\n"));
    }

    private static string Diagram(LintResult result)
    {
        var graph = TrafficGraph.Of(result);
        if (graph.Nodes.Count == 0)
        {
            return string.Empty;
        }

        var mermaid = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        TrafficDiagram.WriteMermaid(graph, mermaid);
        var broken = graph.Edges.Count(e => e.Broken);
        var legend = broken == 0 ? "No hop is broken." : $"{broken} broken hop{(broken == 1 ? " is" : "s are")} red, labelled with the rules that break {(broken == 1 ? "it" : "them")}.";
        return $"\n### Traffic\n\nIngresses and routes to Services, Services to the workloads they select, workloads to the names they use. {legend}\n\n```mermaid\n{mermaid}```\n";
    }

    private static string Row(Finding finding, ReportContext context) =>
        $"| {finding.Severity.ToText()} | {finding.RuleId} | {Location(finding, context)} | {Cell(finding.Message)} |\n";

    private static string Location(Finding finding, ReportContext context)
    {
        var at = finding.Location;
        var path = context.RepositoryPath(at.Path);
        var text = Cell($"{path}:{at.Line}:{at.Column}");
        if (at.Path == "<stdin>")
        {
            return text;
        }

        var encoded = string.Join("/", path.Split('/').Select(Uri.EscapeDataString));
        var target = context.SourceUrl is { Length: > 0 } url ? $"{url.TrimEnd('/')}/{encoded}" : encoded;
        return $"[{text}]({target}#L{at.Line.ToString(CultureInfo.InvariantCulture)})";
    }

    private static string RuleLink(string id, RuleDescriptor? rule) => rule?.HelpUri is { } uri ? $"[{id}]({uri})" : id;

    /// <summary>A table cell: one line, no column break, no HTML.</summary>
    private static string Cell(string text) =>
        Printable.Text(text).Replace("\\", "\\\\").Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;");

    private static int Count(IEnumerable<Finding> findings, Severity severity) => findings.Count(f => f.Severity == severity);

    private static long Bytes(StringBuilder text) => Encoding.UTF8.GetByteCount(text.ToString());

    private static long Bytes(string text) => Encoding.UTF8.GetByteCount(text);
}
