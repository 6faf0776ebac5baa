using System.Text.Json;

namespace Linter.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private const string LoneService = "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector:\n    app: api\n  ports:\n    - port: 80\n";
    private const string DefaultConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  LOG_LEVEL: info\n";
    private const string TeamDeployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: team\nspec:\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers: [{name: api, image: api}]\n";
    private readonly string _dir = Directory.CreateTempSubdirectory("kubelint-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_bundled_example_gives_its_eight_documented_findings()
    {
        var run = Cli.Run("check", Cli.Examples, "--format", "json");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["KL004", "KL101", "KL203", "KL205", "KL212", "KL301", "KL501", "KL602"], run.RuleIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Text_output_has_position_severity_rule_code_frame_and_summary()
    {
        var path = Write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n    - port: 80\n      nodePort: 8080\n");
        var run = Cli.Run("check", path, "--fail-on", "none");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("svc.yaml:10:17: error KL205: nodePort 8080 is outside the node port range 30000-32767", run.Stdout);
        Assert.Contains(" 10 |       nodePort: 8080\n    |                 ^^^^\n", run.Stdout);
        Assert.DoesNotContain("\u001b[", run.Stdout);
        Assert.EndsWith("1 finding (1 error) in 1 file" + Environment.NewLine, run.Stdout);
    }

    [Fact]
    public void Json_findings_carry_full_spans_and_related_locations()
    {
        var path = Write("np.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: NodePort, selector: {app: a}, ports: [{port: 80, nodePort: 30080}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {type: NodePort, selector: {app: a}, ports: [{port: 80, nodePort: 30080}]}\n");
        var finding = Cli.Run("check", path, "--format", "json").Json.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "KL207");

        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("node-port-collision", finding.GetProperty("slug").GetString());
        Assert.Equal(9, finding.GetProperty("line").GetInt32());
        Assert.Equal(73, finding.GetProperty("column").GetInt32());
        Assert.Equal(78, finding.GetProperty("endColumn").GetInt32());
        Assert.Equal(4, finding.GetProperty("related")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public void Sarif_output_has_rules_results_and_regions_and_is_identical_across_runs()
    {
        var first = Cli.Run("check", Cli.Examples, "--format", "sarif");
        var second = Cli.Run("check", Cli.Examples, "--format", "sarif");
        Assert.Equal(first.Stdout, second.Stdout);

        var run = first.Json.GetProperty("runs")[0];
        Assert.Equal("2.1.0", first.Json.GetProperty("version").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
            var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            Assert.True(region.GetProperty("endColumn").GetInt32() > region.GetProperty("startColumn").GetInt32());
        }

        Assert.Equal(8, run.GetProperty("results").GetArrayLength());
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("note", 1)]
    [InlineData("none", 0)]
    public void Fail_on_sets_the_threshold_for_exit_code_1(string failOn, int expected)
    {
        var run = Cli.Run("check", Write("warn.yaml", LoneService + "---\n" + DefaultConfigMap + "---\n" + TeamDeployment), "--fail-on", failOn);
        Assert.True(run.Stdout.Contains("warning KL101"), run.Stdout);
        Assert.DoesNotContain("error KL", run.Stdout);
        Assert.Equal(expected, run.ExitCode);
    }

    [Fact]
    public void The_namespace_option_places_objects_that_name_none()
    {
        var path = Write("app.yaml", LoneService + "---\n" + DefaultConfigMap + "---\n" + TeamDeployment);
        Assert.Contains("KL101", Cli.Run("check", path, "--format", "json").RuleIds);
        Assert.Empty(Cli.Run("check", path, "--format", "json", "--namespace", "team").RuleIds);
    }

    [Fact]
    public void Standard_input_is_read_for_a_dash()
    {
        var run = Cli.RunWithInput("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, protocol: ICMP}]\n", "check", "-", "--format", "json");
        var finding = run.Json.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "KL210");
        Assert.Equal("<stdin>", finding.GetProperty("file").GetString());
    }

    [Fact]
    public void Unreadable_input_exits_3_and_the_other_files_are_still_linted()
    {
        var good = Write("svc.yaml", LoneService.Replace("    - port: 80\n", "    - port: 80\n      nodePort: 30001\n"));
        var broken = Write("broken.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n bad: indent\n");
        var run = Cli.Run("check", good, broken, Path.Combine(_dir, "missing.yaml"), "--format", "json");

        Assert.Equal(3, run.ExitCode);
        var ids = run.RuleIds;
        Assert.Equal(2, ids.Count(i => i == "KL001"));
        Assert.Contains("KL206", ids);
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file()
    {
        var output = Path.Combine(_dir, "out.sarif");
        var run = Cli.Run("check", Cli.Examples, "--format", "sarif", "--output", output);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("8 findings", run.Stderr);
        Assert.Equal("2.1.0", JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--no-such-option")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var run = Cli.Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("kubelint", run.Stderr);
    }

    [Fact]
    public void Help_documents_the_exit_codes()
    {
        var run = Cli.Run("check", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("3 some input could not be read or parsed", run.Stdout);
        Assert.Contains("--fail-on", run.Stdout);
    }
}
