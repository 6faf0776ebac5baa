using System.Text.Json;

namespace Linter.Cli.Tests;

public sealed class ConfigCommandTests : IDisposable
{
    private const string NodePort = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports: [{port: 80, nodePort: 8080}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n";
    private readonly string _dir = Directory.CreateTempSubdirectory("kubelint-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_dir, name))!);
        File.WriteAllText(Path.Combine(_dir, name), text);
    }

    private CliRun Run(params string[] args) => Cli.RunIn(_dir, string.Empty, args);

    [Fact]
    public void Init_writes_a_starter_config_and_its_schema_and_refuses_to_overwrite()
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Contains("yaml-language-server: $schema=.kubelint.schema.json", File.ReadAllText(Path.Combine(_dir, ".kubelint.yaml")));
        JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, ".kubelint.schema.json")));
        Assert.Equal(2, Run("init").ExitCode);
        Assert.Equal(0, Run("init", "--force").ExitCode);
    }

    [Fact]
    public void Config_schema_prints_the_json_schema()
    {
        var run = Run("config", "schema");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("http://json-schema.org/draft-07/schema#", run.Json.GetProperty("$schema").GetString());
    }

    [Fact]
    public void The_config_file_is_found_walking_up_from_the_first_path()
    {
        Write(".kubelint.yaml", "rules:\n  KL205: warning\n");
        Write("deploy/app.yaml", NodePort);
        var run = Run("check", "deploy", "--format", "json");
        Assert.Equal("warning", run.Json.GetProperty("findings")[0].GetProperty("severity").GetString());
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Command_line_switches_win_over_the_file()
    {
        Write(".kubelint.yaml", "rules:\n  KL205: off\n");
        Write("app.yaml", NodePort);
        Assert.Empty(Run("check", ".", "--format", "json").RuleIds);
        Assert.Equal(["KL205"], Run("check", ".", "--format", "json", "--enable", "KL205").RuleIds);
        Assert.Equal("note", Run("check", ".", "--format", "json", "--severity", "node-port-out-of-range=note").Json.GetProperty("findings")[0].GetProperty("severity").GetString());
        Assert.Empty(Run("check", ".", "--format", "json", "--enable", "KL205", "--disable", "KL205").RuleIds);
    }

    [Fact]
    public void Include_and_exclude_globs_choose_the_files()
    {
        Write(".kubelint.yaml", "exclude: [\"vendor/**\"]\n");
        Write("app.yaml", NodePort);
        Write("vendor/chart.yaml", NodePort.Replace("name: web", "name: other"));
        var run = Run("check", ".", "--format", "json");
        Assert.Equal(1, run.Json.GetProperty("summary").GetProperty("files").GetInt32());
    }

    [Fact]
    public void A_file_named_on_the_command_line_is_linted_even_when_excluded()
    {
        Write(".kubelint.yaml", "exclude: [\"vendor/**\"]\n");
        Write("app.yaml", NodePort);
        Write("vendor/chart.yaml", NodePort.Replace("name: web", "name: other"));
        var named = Run("check", "vendor/chart.yaml", "app.yaml", "--format", "json");
        Assert.Equal(2, named.Json.GetProperty("summary").GetProperty("files").GetInt32());
        var globbed = Run("check", "vendor/*.yaml", "app.yaml", "--format", "json");
        Assert.Equal(1, globbed.Json.GetProperty("summary").GetProperty("files").GetInt32());
    }

    [Fact]
    public void A_run_that_lints_no_file_is_a_usage_error_that_says_why()
    {
        Write(".kubelint.yaml", "exclude: [\"**/*.yaml\"]\n");
        Write("deploy/app.yaml", NodePort);
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));
        var excluded = Run("check", "deploy");
        Assert.Equal(2, excluded.ExitCode);
        Assert.Contains("include/exclude globs leave out all 1 manifest files found", excluded.Stderr);
        var empty = Run("check", "empty");
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("no file to lint: the paths hold no *.yaml, *.yml or *.json file", empty.Stderr);
        Assert.Equal(2, Run("resolve", "empty").ExitCode);
    }

    [Fact]
    public void Rule_names_are_found_in_any_case_everywhere()
    {
        Write(".kubelint.yaml", "rules:\n  Node-Port-Out-Of-Range: off\n");
        Write("app.yaml", NodePort);
        Assert.DoesNotContain("KL205", Run("check", ".", "--format", "json").RuleIds);
        Assert.Contains("KL205", Run("check", ".", "--format", "json", "--enable", "NODE-PORT-OUT-OF-RANGE").RuleIds);
        Write("app.yaml", "# kubelint-disable-next-line Node-Port-Out-Of-Range\n" + NodePort.Replace("ports: [", "ports:\n  # kubelint-disable-next-line Node-Port-Out-Of-Range\n  - ").Replace("nodePort: 8080}]", "nodePort: 8080}"));
        Assert.DoesNotContain("KL205", Run("check", ".", "--format", "json", "--enable", "kl205").RuleIds);
    }

    [Fact]
    public void A_broken_config_is_a_usage_error_with_positions()
    {
        Write(".kubelint.yaml", "rules:\n  KL2O5: off\ncluster:\n  clusterDomian: corp\n");
        Write("app.yaml", NodePort);
        var run = Run("check", ".");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".kubelint.yaml:2:3: error: unknown rule `KL2O5` in `rules`; did you mean `KL205`?", run.Stderr);
        Assert.Contains(".kubelint.yaml:4:3: error: unknown key `cluster.clusterDomian`; did you mean `clusterDomain`?", run.Stderr);
        Assert.Equal(2, Run("check", ".", "--config", "missing.yaml").ExitCode);
        Assert.Equal(2, Run("check", ".", "--disable", "KL999").ExitCode);
    }

    [Fact]
    public void A_baseline_hides_known_findings_even_on_moved_lines_and_reports_new_ones()
    {
        Write("app.yaml", NodePort);
        Assert.Equal(1, Run("check", ".", "--write-baseline", "baseline.sarif").ExitCode);

        Write("app.yaml", "# a new comment moves every line\n" + NodePort);
        var unchanged = Run("check", ".", "--baseline", "baseline.sarif", "--format", "json");
        Assert.Equal(0, unchanged.ExitCode);
        Assert.Empty(unchanged.RuleIds);

        Write("app.yaml", "# a new comment moves every line\n" + NodePort.Replace("name: web}\nspec:\n  type", "name: web}\nspec:\n  type").Replace("nodePort: 8080}]", "nodePort: 8080}, {name: b, port: 81, nodePort: 9090}]").Replace("[{port: 80,", "[{name: a, port: 80,"));
        var sarif = Run("check", ".", "--baseline", "baseline.sarif", "--format", "sarif");
        var states = sarif.Json.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("baselineState").GetString()).ToList();
        Assert.Contains("new", states);
        Assert.Equal(1, sarif.ExitCode);
        Assert.Equal(2, Run("check", ".", "--baseline", "app.yaml").ExitCode);
    }

    [Fact]
    public void Suppressed_findings_are_in_sarif_as_in_source_suppressions()
    {
        Write("app.yaml", NodePort.Replace("ports: [{port: 80, nodePort: 8080}]", "# kubelint-disable-next-line KL205\n  ports: [{port: 80, nodePort: 8080}]"));
        var run = Run("check", ".", "--format", "sarif");
        Assert.Equal(0, run.ExitCode);
        var suppression = run.Json.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("suppressions")[0];
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
    }
}
