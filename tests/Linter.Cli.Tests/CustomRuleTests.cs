using System.Text.Json;
using Linter.Tests;

namespace Linter.Cli.Tests;

/// <summary>
/// Custom rules end to end: the configuration's C# rules are compiled, run and reported like built-in ones (positions,
/// SARIF help from their pages, switches, suppressions, baselines), and a broken rule is a positioned usage error.
/// </summary>
public sealed class CustomRuleTests : IDisposable
{
    private const string Example = "examples/custom-rules";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string At(JsonElement finding) =>
        $"{finding.GetProperty("ruleId").GetString()}@{finding.GetProperty("line").GetInt32()}:{finding.GetProperty("column").GetInt32()}";

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
            - port: 80
        """;

    /// <summary>A rule that reports every Service at its name: what a team's first rule may look like.</summary>
    private const string EveryServiceRule = """
        using Linter.Core.Rules;

        public sealed class EveryServiceRule() : Rule(new RuleDescriptor("TEAM001", "every-service", "A Service", Severity.Warning, "custom"))
        {
            public override void Check(RuleContext context)
            {
                foreach (var service in context.Snapshot.Services)
                {
                    context.Report(service.NameNode!.Span, $"Service {service.Name}");
                }
            }
        }
        """;

    private void WriteProject(string rule, string config = "customRules: [rules]\n")
    {
        _folder.Write(".kubelint.yaml", config);
        _folder.Write("rules/EveryServiceRule.cs", rule);
        _folder.Write("app.yaml", Service);
    }

    [Fact]
    public void The_example_rules_report_at_their_positions()
    {
        var run = Cli.Run("check", Example, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var findings = run.Json.GetProperty("findings").EnumerateArray().Select(At).ToList();
        Assert.Equal(["ACME001@17:17", "ACME003@26:9", "ACME002@54:13"], findings);
    }

    [Fact]
    public void The_example_rules_pass_their_fixtures()
    {
        var run = Cli.Run("test", Example + "/.kubelint/rules");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("7 fixtures of 3 rules: 7 passed, 0 failed\n", run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Sarif_describes_a_custom_rule_with_its_page_and_no_help_link()
    {
        var run = Cli.Run("check", Example, "--format", "sarif");

        var rules = run.Json.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var acme002 = rules.Single(r => r.GetProperty("id").GetString() == "ACME002");
        Assert.StartsWith("# ACME002: An Ingress host is outside the configured domains", acme002.GetProperty("help").GetProperty("markdown").GetString());
        Assert.StartsWith("An Ingress rule's `host` is neither", acme002.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.False(acme002.TryGetProperty("helpUri", out _));
        Assert.True(rules.Single(r => r.GetProperty("id").GetString() == "KL101").TryGetProperty("helpUri", out _));
    }

    [Fact]
    public void Explain_and_rules_know_the_custom_rules_of_the_configuration()
    {
        var folder = Path.Combine(Cli.Root, Example);
        var explain = Cli.RunIn(folder, string.Empty, "explain", "prod-service-two-pods");
        var rules = Cli.RunIn(folder, string.Empty, "rules", "--format", "json");

        Assert.Equal(0, explain.ExitCode);
        Assert.StartsWith("# ACME003: A production Service has fewer than two pods behind it", explain.Stdout);
        var ids = rules.Json.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("ACME001", ids);
        Assert.Contains("KL101", ids);
    }

    [Fact]
    public void The_config_schema_names_the_custom_rules_so_editors_accept_their_settings()
    {
        var run = Cli.RunIn(Path.Combine(Cli.Root, Example), string.Empty, "config", "schema");

        var names = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("definitions").GetProperty("rules").GetProperty("propertyNames").GetProperty("enum")
            .EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains("ACME002", names);
        Assert.Contains("ingress-host-outside-domain", names);
        Assert.Contains("KL101", names);
    }

    [Fact]
    public void Switches_and_severities_apply_to_custom_rules()
    {
        var run = Cli.Run("check", Example, "--format", "json", "--disable", "ACME001,ingress-host-outside-domain", "--severity", "ACME003=error");

        var only = Assert.Single(run.Json.GetProperty("findings").EnumerateArray());
        Assert.Equal("ACME003", only.GetProperty("ruleId").GetString());
        Assert.Equal("error", only.GetProperty("severity").GetString());
    }

    [Fact]
    public void A_suppression_comment_silences_a_custom_rule()
    {
        WriteProject(EveryServiceRule);
        _folder.Write("app.yaml", Service.Replace("  name: web", "  name: web # kubelint-disable-line TEAM001"));

        var run = Cli.RunIn(_folder.Root, string.Empty, "check", ".");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("TEAM001", run.Stdout);
        Assert.Contains("1 suppressed", run.Stdout + run.Stderr);
    }

    [Fact]
    public void A_baseline_holds_custom_findings_like_built_in_ones()
    {
        WriteProject(EveryServiceRule);
        var baseline = Path.Combine(_folder.Root, "baseline.sarif");

        var first = Cli.RunIn(_folder.Root, string.Empty, "check", ".", "--format", "json", "--write-baseline", baseline, "--fail-on", "warning");
        var second = Cli.RunIn(_folder.Root, string.Empty, "check", ".", "--format", "json", "--baseline", baseline, "--fail-on", "warning");

        Assert.Equal(["TEAM001"], first.RuleIds);
        Assert.Equal(1, first.ExitCode);
        Assert.Empty(second.RuleIds);
        Assert.Equal(0, second.ExitCode);
    }

    [Fact]
    public void No_custom_rules_lints_without_them_and_says_so()
    {
        var run = Cli.Run("check", Example, "--format", "json", "--no-custom-rules");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.RuleIds);
        Assert.Contains("the custom rules that examples/custom-rules/.kubelint.yaml names are not run (--no-custom-rules)", run.Stderr);
    }

    [Theory]
    [InlineData("$\"Service {service.Name}\"", "service.Ports", "rules/EveryServiceRule.cs:9:52: error CS1503:")]
    [InlineData("$\"Service {service.Name}\"", "System.IO.File.ReadAllText(\"/etc/hostname\")", "rules/EveryServiceRule.cs:9:52: error RS0030:")]
    [InlineData("TEAM001", "KL999", ".kubelint.yaml:1:15: error: custom rule KL999 (EveryServiceRule): the prefix KL is kubelint's own")]
    public void A_rule_that_does_not_compile_uses_a_banned_api_or_a_built_in_id_is_a_usage_error_at_its_position(string written, string instead, string problem)
    {
        WriteProject(EveryServiceRule.Replace(written, instead));

        var run = Cli.RunIn(_folder.Root, string.Empty, "check", ".");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(problem, run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void A_missing_rules_folder_is_a_usage_error_at_its_entry()
    {
        _folder.Write(".kubelint.yaml", "customRules:\n  - rules\n  - more-rules\n");
        _folder.Write("rules/EveryServiceRule.cs", EveryServiceRule);
        _folder.Write("app.yaml", Service);

        var run = Cli.RunIn(_folder.Root, string.Empty, "check", ".");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".kubelint.yaml:3:5: error: the customRules folder more-rules does not exist", run.Stderr);
    }

    [Fact]
    public void A_rules_folder_without_csharp_files_is_a_usage_error_at_its_entry()
    {
        _folder.Write(".kubelint.yaml", "customRules: [rules]\n");
        _folder.Write("rules/README.md", "# our rules\n");
        _folder.Write("app.yaml", Service);

        var run = Cli.RunIn(_folder.Root, string.Empty, "check", ".");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".kubelint.yaml:1:15: error: the customRules folder rules has no C# file", run.Stderr);
    }

    [Fact]
    public void A_scaffolded_rule_compiles_and_passes_its_fixtures()
    {
        _folder.Write(".kubelint.yaml", "customRules: [.kubelint/rules]\n");

        var created = Cli.RunIn(_folder.Root, string.Empty, "new", "rule", "team-label");
        var tested = Cli.RunIn(_folder.Root, string.Empty, "test", ".kubelint/rules");

        Assert.Equal(0, created.ExitCode);
        Assert.Equal(0, tested.ExitCode);
        Assert.Equal("2 fixtures of 1 rule: 2 passed, 0 failed\n", tested.Stdout.ReplaceLineEndings("\n"));
    }
}
