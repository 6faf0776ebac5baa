using System.Text.Json;
using Linter.Core.Rules;

namespace Linter.Core.Output;

/// <summary>The list of rules a catalog holds, for people (a table), tools (JSON) and documentation sites (Markdown).</summary>
internal static class RuleIndex
{
    public static void WriteTable(RuleCatalog catalog, TextWriter output)
    {
        var slugWidth = catalog.Descriptors.Max(r => r.Slug.Length);
        output.WriteLine($"{"ID",-6} {"SLUG".PadRight(slugWidth)} {"SEVERITY",-8} TITLE");
        foreach (var rule in catalog.Descriptors)
        {
            output.WriteLine($"{rule.Id,-6} {rule.Slug.PadRight(slugWidth)} {rule.DefaultSeverity.ToText(),-8} {rule.Title}");
        }
    }

    public static void WriteJson(RuleCatalog catalog, TextWriter output) => Utf8Document.Write(output, stream =>
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schema", "kubelint/rules/v1");
        json.WriteStartArray("rules");
        foreach (var rule in catalog.Descriptors)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("slug", rule.Slug);
            json.WriteString("title", rule.Title);
            json.WriteString("severity", rule.DefaultSeverity.ToText());
            json.WriteString("family", rule.Family);
            json.WriteString("summary", catalog.Documentation(rule).Summary);
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static void WriteMarkdown(RuleCatalog catalog, TextWriter output)
    {
        output.WriteLine("# kubelint rules");
        output.WriteLine();
        output.WriteLine($"{catalog.Descriptors.Count} rules. Severities: **error**: the API server rejects the object, or traffic cannot arrive; " +
            "**warning**: almost certainly broken at run time; **note**: suspicious, may be intended.");
        foreach (var family in catalog.Descriptors.GroupBy(r => r.Family))
        {
            output.WriteLine();
            output.WriteLine($"## {family.Key}");
            output.WriteLine();
            output.WriteLine("| id | slug | severity | title |");
            output.WriteLine("|---|---|---|---|");
            foreach (var rule in family)
            {
                output.WriteLine($"| {(rule.HelpUri is null ? rule.Id : $"[{rule.Id}]({rule.HelpUri})")} | `{rule.Slug}` | {rule.DefaultSeverity.ToText()} | {rule.Title.Replace("|", "\\|")} |");
            }
        }
    }
}
