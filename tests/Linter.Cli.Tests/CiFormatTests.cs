using System.Text.Json;
using System.Xml.Linq;
using Json.Schema;

namespace Linter.Cli.Tests;

/// <summary>The formats CI systems read: GitLab Code Quality and JUnit.</summary>
public sealed class CiFormatTests
{
    private static CliRun Check(params string[] args) => Cli.RunIn(Cli.Root, string.Empty, ["check", "examples", .. args]);

    [Fact]
    public void Gitlab_report_is_valid_against_the_code_quality_schema_with_one_issue_per_finding()
    {
        var report = Check("--format", "gitlab");
        var findings = Check("--format", "json").Json.GetProperty("findings").EnumerateArray().ToList();
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Cli.Root, "tests", "Linter.Cli.Tests", "schemas", "gitlab-code-quality.schema.json")));

        var evaluation = schema.Evaluate(report.Json, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        var issues = report.Json.EnumerateArray().ToList();
        Assert.Equal(findings.Count, issues.Count);
        Assert.Equal(issues.Count, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct(StringComparer.Ordinal).Count());
        var kl205 = issues.Single(i => i.GetProperty("check_name").GetString() == "KL205");
        Assert.Equal("major", kl205.GetProperty("severity").GetString());
        Assert.Equal("examples/shop/web.yaml", kl205.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(54, kl205.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.StartsWith("nodePort 8080 is outside", kl205.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Gitlab_report_paths_are_relative_to_the_repository_from_any_working_folder()
    {
        var fromRoot = Check("--format", "gitlab").Stdout;
        var fromExamples = Cli.RunIn(Cli.Examples, string.Empty, "check", ".", "--format", "gitlab").Stdout;

        Assert.Equal(fromRoot, fromExamples);
    }

    [Fact]
    public void Gitlab_report_of_a_clean_run_is_an_empty_array()
    {
        var run = Cli.RunWithInput("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n", "check", "-", "--format", "gitlab");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(JsonValueKind.Array, run.Json.ValueKind);
        Assert.Equal(0, run.Json.GetArrayLength());
    }

    [Fact]
    public void Junit_has_one_test_case_per_rule_failing_only_with_findings_at_or_above_fail_on()
    {
        var findings = Check("--format", "json").Json.GetProperty("findings").EnumerateArray().ToList();
        var errorRules = findings.Where(f => f.GetProperty("severity").GetString() == "error").Select(f => f.GetProperty("ruleId").GetString()).Distinct().ToList();
        var warningOrErrorRules = findings.Where(f => f.GetProperty("severity").GetString() is "error" or "warning").Select(f => f.GetProperty("ruleId").GetString()).Distinct().ToList();
        Assert.NotEqual(errorRules.Count, warningOrErrorRules.Count);

        var byDefault = XDocument.Parse(Check("--format", "junit").Stdout).Root!;
        var withWarnings = XDocument.Parse(Check("--format", "junit", "--fail-on", "warning").Stdout).Root!;
        var never = XDocument.Parse(Check("--format", "junit", "--fail-on", "none").Stdout).Root!;

        Assert.Equal(Linter.Rules.BuiltInRules.Catalog.All.Count, byDefault.Descendants("testcase").Count());
        Assert.Equal(errorRules.Order(), FailingRules(byDefault));
        Assert.Equal(warningOrErrorRules.Order(), FailingRules(withWarnings));
        Assert.Empty(FailingRules(never));
        Assert.Equal(errorRules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), byDefault.Attribute("failures")!.Value);
        var warningOnly = warningOrErrorRules.Except(errorRules).First();
        var quiet = byDefault.Descendants("testcase").Single(t => t.Attribute("name")!.Value.StartsWith(warningOnly + " ", StringComparison.Ordinal));
        Assert.Null(quiet.Element("failure"));
        Assert.Contains($"warning {warningOnly}:", quiet.Element("system-out")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Junit_cases_file_makes_one_test_case_per_linted_file()
    {
        var root = XDocument.Parse(Check("--format", "junit", "--junit-cases", "file", "--fail-on", "note").Stdout).Root!;
        var json = Check("--format", "json").Json;
        var filesWithFindings = json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("file").GetString()!).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(json.GetProperty("summary").GetProperty("files").GetInt32(), root.Descendants("testcase").Count());
        Assert.Equal(filesWithFindings, root.Descendants("testcase").Where(t => t.Element("failure") is not null).Select(t => t.Attribute("name")!.Value).Order(StringComparer.Ordinal));
        var web = root.Descendants("testcase").Single(t => t.Attribute("name")!.Value == "examples/shop/web.yaml");
        Assert.Contains("examples/shop/web.yaml:54:17: error KL205:", web.Element("failure")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Junit_cases_takes_only_rule_or_file()
    {
        var run = Check("--format", "junit", "--junit-cases", "folder");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("folder", run.Stderr, StringComparison.Ordinal);
    }

    private static List<string> FailingRules(XElement root) =>
        root.Descendants("testcase").Where(t => t.Element("failure") is not null).Select(t => t.Attribute("name")!.Value.Split(' ')[0]).Order().ToList();
}
