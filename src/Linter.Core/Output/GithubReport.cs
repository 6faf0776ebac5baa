using Linter.Core.Engine;
using Linter.Core.Rules;

namespace Linter.Core.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>): annotations on the changed
/// lines of a pull request for repositories without code scanning.
/// </summary>
internal sealed class GithubReport : IReportWriter
{
    public string Name => "github";

    public string Description => "GitHub Actions workflow commands: annotations without code scanning";

    public void Write(LintResult result, TextWriter output, ReportContext context)
    {
        foreach (var finding in result.Findings)
        {
            var at = finding.Location;
            var file = context.RepositoryPath(at.Path);
            var level = finding.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
            var properties = string.Join(",",
                $"file={Property(file)}",
                $"line={at.Line}",
                $"endLine={at.EndLine}",
                $"col={at.Column}",
                $"endColumn={at.EndColumn}",
                $"title={Property(finding.RuleId)}");
            output.WriteLine($"::{level} {properties}::{Data(finding.Message)}");
        }
    }

    private static string Data(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
