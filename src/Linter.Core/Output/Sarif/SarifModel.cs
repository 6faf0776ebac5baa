using System.Text.Json.Serialization;

namespace Linter.Core.Output.Sarif;

// Typed records for the parts of SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) that kubelint
// writes. Property names follow the schema; null properties are left out.

internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("runs")] IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(
    [property: JsonPropertyName("tool")] SarifTool Tool,
    [property: JsonPropertyName("automationDetails")] SarifAutomationDetails? AutomationDetails,
    [property: JsonPropertyName("invocations")] IReadOnlyList<SarifInvocation> Invocations,
    [property: JsonPropertyName("originalUriBaseIds")] IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds,
    [property: JsonPropertyName("columnKind")] string ColumnKind,
    [property: JsonPropertyName("results")] IReadOnlyList<SarifResult> Results);

internal sealed record SarifTool([property: JsonPropertyName("driver")] SarifDriver Driver);

internal sealed record SarifDriver(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("semanticVersion")] string SemanticVersion,
    [property: JsonPropertyName("informationUri")] string InformationUri,
    [property: JsonPropertyName("rules")] IReadOnlyList<SarifRule> Rules);

internal sealed record SarifRule(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("shortDescription")] SarifText ShortDescription,
    [property: JsonPropertyName("fullDescription")] SarifText FullDescription,
    [property: JsonPropertyName("help")] SarifText Help,
    [property: JsonPropertyName("helpUri")] string? HelpUri,
    [property: JsonPropertyName("defaultConfiguration")] SarifConfiguration DefaultConfiguration,
    [property: JsonPropertyName("properties")] SarifRuleProperties Properties);

internal sealed record SarifText(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("markdown")] string? Markdown = null);

internal sealed record SarifConfiguration([property: JsonPropertyName("level")] string Level);

internal sealed record SarifRuleProperties(
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("precision")] string Precision,
    [property: JsonPropertyName("problem.severity")] string ProblemSeverity);

internal sealed record SarifAutomationDetails([property: JsonPropertyName("id")] string Id);

internal sealed record SarifInvocation(
    [property: JsonPropertyName("executionSuccessful")] bool ExecutionSuccessful,
    [property: JsonPropertyName("exitCode")] int ExitCode,
    [property: JsonPropertyName("toolExecutionNotifications")] IReadOnlyList<SarifNotification> ToolExecutionNotifications);

internal sealed record SarifNotification(
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("message")] SarifText Message,
    [property: JsonPropertyName("locations")] IReadOnlyList<SarifLocation>? Locations = null,
    [property: JsonPropertyName("descriptor")] SarifDescriptorReference? Descriptor = null);

internal sealed record SarifDescriptorReference([property: JsonPropertyName("id")] string Id);

internal sealed record SarifResult(
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("ruleIndex")] int RuleIndex,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("message")] SarifText Message,
    [property: JsonPropertyName("locations")] IReadOnlyList<SarifLocation> Locations,
    [property: JsonPropertyName("relatedLocations")] IReadOnlyList<SarifLocation>? RelatedLocations,
    [property: JsonPropertyName("partialFingerprints")] IReadOnlyDictionary<string, string> PartialFingerprints)
{
    [JsonPropertyName("suppressions")]
    public IReadOnlyList<SarifSuppression>? Suppressions { get; init; }

    /// <summary>new, unchanged (compared with a baseline).</summary>
    [JsonPropertyName("baselineState")]
    public string? BaselineState { get; init; }
}

internal sealed record SarifSuppression(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("justification")] string Justification);

internal sealed record SarifLocation(
    [property: JsonPropertyName("id")] int? Id,
    [property: JsonPropertyName("physicalLocation")] SarifPhysicalLocation PhysicalLocation,
    [property: JsonPropertyName("message")] SarifText? Message = null);

internal sealed record SarifPhysicalLocation(
    [property: JsonPropertyName("artifactLocation")] SarifArtifactLocation ArtifactLocation,
    [property: JsonPropertyName("region")] SarifRegion Region);

internal sealed record SarifArtifactLocation(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("uriBaseId")] string? UriBaseId = null);

internal sealed record SarifRegion(
    [property: JsonPropertyName("startLine")] int StartLine,
    [property: JsonPropertyName("startColumn")] int StartColumn,
    [property: JsonPropertyName("endLine")] int EndLine,
    [property: JsonPropertyName("endColumn")] int EndColumn);
