using System.Text.Encodings.Web;
using System.Text.Json;

namespace Linter.Core.Output.Sarif;

/// <summary>
/// Writes the SARIF records as JSON: indented, null properties left out, and characters such as <c>'</c> and
/// <c>&lt;</c> left unescaped for people reading the log. Written property by property with <see cref="Utf8JsonWriter"/>
/// rather than by the serializer, whose set-up and generic code cost a run more than writing a large log does.
/// </summary>
internal static class SarifWriter
{
    /// <summary>The writer keeps what it writes until flushed: past this many bytes it goes to the stream.</summary>
    private const int FlushBytes = 64 * 1024;

    private static readonly JsonWriterOptions Layout = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, SarifLog log)
    {
        using var json = new Utf8JsonWriter(stream, Layout);
        json.WriteStartObject();
        json.WriteString("$schema", log.Schema);
        json.WriteString("version", log.Version);
        WriteArray(json, "runs", log.Runs, Run);
        json.WriteEndObject();
    }

    private static void Run(Utf8JsonWriter json, SarifRun run)
    {
        json.WriteStartObject();
        json.WriteStartObject("tool");
        Driver(json, run.Tool.Driver);
        json.WriteEndObject();
        if (run.AutomationDetails is { } automation)
        {
            json.WriteStartObject("automationDetails");
            json.WriteString("id", automation.Id);
            json.WriteEndObject();
        }

        WriteArray(json, "invocations", run.Invocations, Invocation);
        json.WriteStartObject("originalUriBaseIds");
        foreach (var baseId in run.OriginalUriBaseIds)
        {
            json.WritePropertyName(baseId.Key);
            ArtifactLocation(json, baseId.Value);
        }

        json.WriteEndObject();
        json.WriteString("columnKind", run.ColumnKind);
        WriteArray(json, "results", run.Results, Result);
        json.WriteEndObject();
    }

    private static void Driver(Utf8JsonWriter json, SarifDriver driver)
    {
        json.WriteStartObject("driver");
        json.WriteString("name", driver.Name);
        json.WriteString("semanticVersion", driver.SemanticVersion);
        json.WriteString("informationUri", driver.InformationUri);
        WriteArray(json, "rules", driver.Rules, Rule);
        json.WriteEndObject();
    }

    private static void Rule(Utf8JsonWriter json, SarifRule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Name);
        Text(json, "shortDescription", rule.ShortDescription);
        Text(json, "fullDescription", rule.FullDescription);
        Text(json, "help", rule.Help);
        OptionalString(json, "helpUri", rule.HelpUri);

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", rule.DefaultConfiguration.Level);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStrings("tags", rule.Properties.Tags);
        json.WriteString("precision", rule.Properties.Precision);
        json.WriteString("problem.severity", rule.Properties.ProblemSeverity);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Invocation(Utf8JsonWriter json, SarifInvocation invocation)
    {
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", invocation.ExecutionSuccessful);
        json.WriteNumber("exitCode", invocation.ExitCode);
        WriteArray(json, "toolExecutionNotifications", invocation.ToolExecutionNotifications, Notification);
        json.WriteEndObject();
    }

    private static void Notification(Utf8JsonWriter json, SarifNotification notification)
    {
        json.WriteStartObject();
        json.WriteString("level", notification.Level);
        Text(json, "message", notification.Message);
        if (notification.Locations is { } locations)
        {
            WriteArray(json, "locations", locations, Location);
        }

        if (notification.Descriptor is { } descriptor)
        {
            json.WriteStartObject("descriptor");
            json.WriteString("id", descriptor.Id);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Result(Utf8JsonWriter json, SarifResult result)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", result.RuleId);
        json.WriteNumber("ruleIndex", result.RuleIndex);
        json.WriteString("level", result.Level);
        Text(json, "message", result.Message);
        WriteArray(json, "locations", result.Locations, Location);
        if (result.RelatedLocations is { } related)
        {
            WriteArray(json, "relatedLocations", related, Location);
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(Rules.FindingFingerprint.Key, result.PartialFingerprints.Finding);
        OptionalString(json, "primaryLocationLineHash", result.PartialFingerprints.PrimaryLocationLineHash);
        json.WriteEndObject();
        if (result.Suppressions is { } suppressions)
        {
            WriteArray(json, "suppressions", suppressions, Suppression);
        }

        OptionalString(json, "baselineState", result.BaselineState);

        json.WriteEndObject();
    }

    private static void Suppression(Utf8JsonWriter json, SarifSuppression suppression)
    {
        json.WriteStartObject();
        json.WriteString("kind", suppression.Kind);
        json.WriteString("justification", suppression.Justification);
        json.WriteEndObject();
    }

    private static void Location(Utf8JsonWriter json, SarifLocation location)
    {
        json.WriteStartObject();
        if (location.Id is { } id)
        {
            json.WriteNumber("id", id);
        }

        json.WriteStartObject("physicalLocation");
        json.WritePropertyName("artifactLocation");
        ArtifactLocation(json, location.PhysicalLocation.ArtifactLocation);
        var region = location.PhysicalLocation.Region;
        json.WriteStartObject("region");
        json.WriteNumber("startLine", region.StartLine);
        json.WriteNumber("startColumn", region.StartColumn);
        json.WriteNumber("endLine", region.EndLine);
        json.WriteNumber("endColumn", region.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
        if (location.Message is { } message)
        {
            Text(json, "message", message);
        }

        json.WriteEndObject();
    }

    private static void ArtifactLocation(Utf8JsonWriter json, SarifArtifactLocation location)
    {
        json.WriteStartObject();
        json.WriteString("uri", location.Uri);
        OptionalString(json, "uriBaseId", location.UriBaseId);

        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string name, SarifText text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text.Text);
        OptionalString(json, "markdown", text.Markdown);

        json.WriteEndObject();
    }

    /// <summary>A string property, left out when null.</summary>
    private static void OptionalString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteArray<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        for (var i = 0; i < items.Count; i++)
        {
            write(json, items[i]);
            if (json.BytesPending > FlushBytes)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
    }
}
