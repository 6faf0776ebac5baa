using System.Security.Cryptography;
using System.Text.Json;
using Linter.Core.Engine;
using Linter.Core.Rules;

namespace Linter.Core.Output;

/// <summary>
/// GitLab Code Quality (<c>artifacts:reports:codequality</c>): a JSON array of issues with the fields GitLab reads
/// (docs.gitlab.com/ci/testing/code_quality, "Code Quality report format"): description, check_name, fingerprint,
/// severity (error major, warning minor, note info), location.path relative to the repository and location.lines.
/// </summary>
internal sealed class GitlabReport : IReportWriter
{
    public string Name => "gitlab";

    public string Description => "GitLab Code Quality JSON for the merge request widget (artifacts:reports:codequality)";

    public bool ShowsFingerprints => true;

    public void Write(LintResult result, TextWriter output, ReportContext context) =>
        Utf8Document.Write(output, stream => Write(result, stream, context));

    private static void Write(LintResult result, Stream output, ReportContext context)
    {
        using var sha = SHA256.Create();
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var finding in result.Findings)
        {
            var path = context.RepositoryPath(finding.Location.Path);
            json.WriteStartObject();
            json.WriteString("description", finding.Message);
            json.WriteString("check_name", finding.RuleId);
            json.WriteString("fingerprint", Fingerprint(sha, path, finding));
            json.WriteString("severity", Level(finding.Severity));
            json.WriteStartObject("location");
            json.WriteString("path", path);
            json.WriteStartObject("lines");
            json.WriteNumber("begin", finding.Location.Line);
            json.WriteNumber("end", finding.Location.EndLine);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// GitLab shows issues with one fingerprint once: the finding's own fingerprint (which survives moved lines and
    /// counts repeats within a file) is made unique across files by hashing it with the path.
    /// </summary>
    private static string Fingerprint(SHA256 sha, string path, Finding finding) =>
        FindingFingerprint.HexDigest(sha, path + "\u0000" + finding.RuleId + "\u0000" + finding.Fingerprint, 16);

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "major",
        Severity.Warning => "minor",
        _ => "info",
    };
}
