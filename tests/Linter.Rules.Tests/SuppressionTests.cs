using Linter.Core.Engine;
using Linter.Core.Loading;

namespace Linter.Rules.Tests;

public sealed class SuppressionTests
{
    private const string Deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n";

    private static LintResult Lint(string yaml) =>
        LintEngine.Run(new LintRequest { Inputs = [InputSource.FromText("app.yaml", yaml)], Catalog = BuiltInRules.Catalog });

    private static string Service(string annotations, string nodePortLine) =>
        $"apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n{annotations}spec:\n  type: NodePort\n  selector: {{app: web}}\n  ports:\n    - port: 80\n{nodePortLine}---\n" + Deployment;

    [Theory]
    [InlineData("  annotations: {kubelint.io/ignore: \"KL205\"}\n", "      nodePort: 8080\n")]
    [InlineData("  annotations: {kubelint.io/ignore: \"node-port-out-of-range, KL101\"}\n", "      nodePort: 8080\n")]
    [InlineData("  annotations: {kubelint.io/ignore: all}\n", "      nodePort: 8080\n")]
    [InlineData("", "      # kubelint-disable-next-line KL205 -- agreed with the network team\n      nodePort: 8080\n")]
    [InlineData("", "      nodePort: 8080   # kubelint-disable-line\n")]
    [InlineData("# kubelint-disable node-port-out-of-range\n", "      nodePort: 8080\n# kubelint-enable\n")]
    public void Suppressed_findings_leave_the_report_but_stay_in_the_log(string annotations, string nodePort)
    {
        var result = Lint(Service(annotations, nodePort));
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "KL205" or "KL008");
        var suppressed = Assert.Single(result.All, f => f.RuleId == "KL205");
        Assert.NotNull(suppressed.SuppressedBy);
        Assert.Equal(0, result.ExitCode(Linter.Core.Rules.Severity.Error));
    }

    [Fact]
    public void A_block_ends_at_its_enable_comment()
    {
        var yaml = "# kubelint-disable KL205\n" + Service(string.Empty, "      nodePort: 8080\n").Replace("---\n", "---\n# kubelint-enable KL205\n") +
                   "---\n" + Service(string.Empty, "      nodePort: 8081\n").Replace("name: web\n", "name: web2\n").Replace("---\n" + Deployment, string.Empty);
        var result = Lint(yaml);
        Assert.Single(result.Findings, f => f.RuleId == "KL205");
        Assert.Single(result.All, f => f.RuleId == "KL205" && f.SuppressedBy is not null);
    }

    [Fact]
    public void A_suppression_that_silences_nothing_is_reported_on_itself()
    {
        var result = Lint(Service("  annotations: {kubelint.io/ignore: \"KL205\"}\n", "      nodePort: 30080\n"));
        var unused = Assert.Single(result.Findings);
        Assert.Equal("KL008", unused.RuleId);
        Assert.Equal(5, unused.Location.Line);
    }
}
