using System.Xml.Linq;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Output;
using Linter.Core.Output.Sarif;
using Linter.Rules;

namespace Linter.Hostile.Tests;

/// <summary>What the input says reaches reports: control characters, line breaks in file names, more results than code scanning takes.</summary>
public sealed class OutputTests
{
    /// <summary>A Service whose selector value (quoted in the KL810 message, which rejects it) holds a BEL and an ESC.</summary>
    private const string ControlCharacters = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: \"we\\x07b\\x1b[31m\"}\n  ports: [{port: 80}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n";

    private const string NodePort = LoaderCrashTests.NodePort;

    [Fact]
    public void Control_characters_in_a_message_give_well_formed_junit()
    {
        using var hostile = new Hostile();
        hostile.Write("app.yaml", ControlCharacters);
        var (code, stdout, _) = hostile.Run(string.Empty, "check", ".", "--format", "junit");
        Assert.Equal(1, code);
        var failure = XDocument.Parse(stdout).Descendants("failure").Single();
        Assert.Contains("we\\u0007b\\u001B[31m", failure.Value);
    }

    [Fact]
    public void Control_characters_in_a_message_are_escaped_in_text()
    {
        using var hostile = new Hostile();
        hostile.Write("app.yaml", ControlCharacters);
        var (_, stdout, _) = hostile.Run(string.Empty, "check", ".");
        Assert.Contains("Invalid value: \"we\\u0007b\\u001B[31m\"", stdout);
        Assert.DoesNotContain('\u001b', stdout);
        Assert.DoesNotContain('\u0007', stdout);
    }

    [Fact]
    public void A_file_name_with_a_line_break_cannot_start_a_workflow_command_in_text()
    {
        using var hostile = new Hostile();
        hostile.Write("x\n::error file=pwned.yaml::owned.yaml", NodePort);
        hostile.Write("::warning::also.yaml", NodePort.Replace("name: web", "name: other"));
        var (code, stdout, _) = hostile.Run(string.Empty, "check", ".");
        Assert.Equal(1, code);
        Assert.DoesNotContain(stdout.Split('\n'), line => line.TrimStart().StartsWith("::", StringComparison.Ordinal));
        Assert.Contains("x\\n::error file=pwned.yaml::owned.yaml:7:", stdout);
        Assert.Contains("./::warning::also.yaml:7:", stdout);
    }

    [Fact]
    public void Past_the_result_limit_the_findings_that_count_come_before_suppressed_ones_and_the_rest_are_counted()
    {
        using var hostile = new Hostile();
        var silenced = string.Join("---\n", Enumerable.Range(0, 3).Select(i => NodePort.Replace("name: web}", $"name: web{i}, annotations: {{kubelint.io/ignore: all}}}}")));
        hostile.Write("a-silenced.yaml", silenced);
        hostile.Write("b-counts.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: lonely}\nspec:\n  selector: {app: nobody}\n  ports: [{port: 80}]\n---\n" +
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec: {selector: {matchLabels: {app: api}}, template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, image: i}]}}}\n");
        var result = hostile.Lint(InputSource.FromPath(hostile.Folder));
        var active = result.Findings;
        Assert.NotEmpty(active);
        Assert.True(result.All.Where(f => !f.IsActive).Max(f => f.Severity) > active.Max(f => f.Severity), "the silenced findings must be the more severe ones");

        var context = new ReportContext { ToolVersion = "0", RootDirectory = hostile.Folder, WorkingDirectory = hostile.Folder, ExitCode = 0, Documentation = BuiltInRules.Catalog.Documentation };
        var run = new SarifReport { MaxResults = active.Count }.Build(result, context, int.MaxValue).Runs[0];
        Assert.Equal(active.Select(f => f.RuleId + f.Location), run.Results.Select(r => r.RuleId + result.All.First(f => f.Fingerprint == r.PartialFingerprints.Finding).Location));
        Assert.Contains(run.Invocations[0].ToolExecutionNotifications, n => n.Message.Text.Contains($"the {active.Count} most severe are included and {result.All.Count - active.Count} are left out"));
    }
}
