using System.Text.Json;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Core.Output;

/// <summary>
/// Findings for machines, schema version 1: every finding with rule id, slug, severity, message,
/// file, line, column, end line, end column (one past the last character) and related locations.
/// </summary>
internal sealed class JsonReport : IReportWriter
{
    public const int SchemaVersion = 1;

    public string Name => "json";

    public string Description => "for scripts: every finding with its full span, in a versioned schema";

    public bool ShowsFingerprints => false;

    public void Write(LintResult result, TextWriter output, ReportContext context) =>
        Utf8Document.Write(output, stream => Write(result, stream, context.ToolVersion));

    private static void Write(LintResult result, Stream output, string toolVersion)
    {
        var slugs = result.Rules.ToDictionary(r => r.Id, r => r.Slug, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("version", SchemaVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", "kubelint");
        json.WriteString("version", toolVersion);
        json.WriteEndObject();
        json.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("slug", slugs.TryGetValue(finding.RuleId, out var slug) ? slug : string.Empty);
            json.WriteString("severity", finding.Severity.ToText());
            json.WriteString("message", finding.Message);
            WriteSpan(json, finding.Location);
            json.WriteStartArray("related");
            foreach (var related in finding.Related)
            {
                json.WriteStartObject();
                WriteSpan(json, related.Span);
                json.WriteString("message", related.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("files", result.Files.Count);
        json.WriteNumber("errors", result.Findings.Count(f => f.Severity == Severity.Error));
        json.WriteNumber("warnings", result.Findings.Count(f => f.Severity == Severity.Warning));
        json.WriteNumber("notes", result.Findings.Count(f => f.Severity == Severity.Note));
        json.WriteBoolean("inputErrors", result.HasInputErrors);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, SourceSpan span)
    {
        json.WriteString("file", span.Path);
        json.WriteNumber("line", span.Line);
        json.WriteNumber("column", span.Column);
        json.WriteNumber("endLine", span.EndLine);
        json.WriteNumber("endColumn", span.EndColumn);
    }
}
