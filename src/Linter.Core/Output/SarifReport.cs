using System.Text.Json;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Core.Output;

/// <summary>
/// SARIF 2.1.0, written with System.Text.Json (Sarif.Sdk is not available). Paths inside the working
/// directory are relative to the <c>SRCROOT</c> base; output is byte-identical for identical input.
/// </summary>
public static class SarifReport
{
    public static void Write(LintResult result, Stream output, string toolVersion, string rootDirectory)
    {
        var ruleIndex = result.Rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json, result.Rules, toolVersion);
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("SRCROOT");
        json.WriteString("uri", new Uri(rootDirectory.TrimEnd('/', '\\') + "/").AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var finding in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            if (ruleIndex.TryGetValue(finding.RuleId, out var index))
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", finding.Severity.ToText());
            json.WriteStartObject("message");
            json.WriteString("text", finding.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            WriteLocation(json, finding.Location, null, null);
            json.WriteEndArray();
            if (finding.Related.Count > 0)
            {
                json.WriteStartArray("relatedLocations");
                for (var i = 0; i < finding.Related.Count; i++)
                {
                    WriteLocation(json, finding.Related[i].Span, i + 1, finding.Related[i].Message);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<RuleDescriptor> rules, string toolVersion)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "kubelint");
        json.WriteString("semanticVersion", toolVersion);
        json.WriteString("informationUri", "https://github.com/kubelint/kubelint");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", PascalCase(rule.Slug));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", rule.DefaultSeverity.ToText());
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, SourceSpan span, int? id, string? message)
    {
        json.WriteStartObject();
        if (id is { } value)
        {
            json.WriteNumber("id", value);
        }

        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        if (Path.IsPathRooted(span.Path))
        {
            json.WriteString("uri", new Uri(span.Path).AbsoluteUri);
        }
        else
        {
            json.WriteString("uri", string.Join("/", span.Path.Split('/').Select(Uri.EscapeDataString)));
            json.WriteString("uriBaseId", "SRCROOT");
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", span.Line);
        json.WriteNumber("startColumn", span.Column);
        json.WriteNumber("endLine", span.EndLine);
        json.WriteNumber("endColumn", span.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
        if (message is not null)
        {
            json.WriteStartObject("message");
            json.WriteString("text", message);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string PascalCase(string slug) =>
        string.Concat(slug.Split('-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
}
