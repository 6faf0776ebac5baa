namespace Linter.Core.Output.Sarif;

// Typed records for the parts of SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) that kubelint
// writes. SarifWriter writes them under the schema's property names, in the order declared here, leaving null
// properties out.

internal sealed record SarifLog(
    string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(
    SarifTool Tool,
    SarifAutomationDetails? AutomationDetails,
    IReadOnlyList<SarifInvocation> Invocations,
    IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds,
    string ColumnKind,
    IReadOnlyList<SarifResult> Results);

internal sealed record SarifTool(SarifDriver Driver);

internal sealed record SarifDriver(
    string Name,
    string SemanticVersion,
    string InformationUri,
    IReadOnlyList<SarifRule> Rules);

internal sealed record SarifRule(
    string Id,
    string Name,
    SarifText ShortDescription,
    SarifText FullDescription,
    SarifText Help,
    string? HelpUri,
    SarifConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

internal sealed record SarifText(
    string Text,
    string? Markdown = null);

internal sealed record SarifConfiguration(string Level);

internal sealed record SarifRuleProperties(
    IReadOnlyList<string> Tags,
    string Precision,
    string ProblemSeverity);

internal sealed record SarifAutomationDetails(string Id);

internal sealed record SarifInvocation(
    bool ExecutionSuccessful,
    int ExitCode,
    IReadOnlyList<SarifNotification> ToolExecutionNotifications);

internal sealed record SarifNotification(
    string Level,
    SarifText Message,
    IReadOnlyList<SarifLocation>? Locations = null,
    SarifDescriptorReference? Descriptor = null);

internal sealed record SarifDescriptorReference(string Id);

internal sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifText Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyList<SarifLocation>? RelatedLocations,
    SarifFingerprints PartialFingerprints)
{
    public IReadOnlyList<SarifSuppression>? Suppressions { get; init; }

    /// <summary>new, unchanged (compared with a baseline).</summary>
    public string? BaselineState { get; init; }
}

/// <summary>
/// A result's <c>partialFingerprints</c>: kubelint's own (<see cref="Rules.FindingFingerprint.Key"/>) and, when the line
/// could be read, GitHub's <c>primaryLocationLineHash</c>; written in that order (ordinal order of the keys).
/// </summary>
internal sealed record SarifFingerprints(string Finding, string? PrimaryLocationLineHash);

internal sealed record SarifSuppression(
    string Kind,
    string Justification);

internal sealed record SarifLocation(
    int? Id,
    SarifPhysicalLocation PhysicalLocation,
    SarifText? Message = null);

internal sealed record SarifPhysicalLocation(
    SarifArtifactLocation ArtifactLocation,
    SarifRegion Region);

internal sealed record SarifArtifactLocation(
    string Uri,
    string? UriBaseId = null);

internal sealed record SarifRegion(
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn);
