using Linter.Core.Loading;

namespace Linter.Hostile.Tests;

/// <summary>Every exception from parsing one file is a positioned KL001; the other files are still linted; exit 3.</summary>
public sealed class LoaderCrashTests
{
    internal const string NodePort = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports: [{port: 80, nodePort: 8080}]\n";

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: {app: web\n", 5, 11)]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  ports: [80, 443", 6, 10)]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: [a, {b: c\n", 3, 33)]
    public void An_unterminated_flow_collection_is_KL001_at_its_bracket(string text, int line, int column)
    {
        using var hostile = new Hostile();
        var broken = hostile.Write("broken.yaml", text);
        var good = hostile.Write("good.yaml", NodePort);
        var result = hostile.Lint(InputSource.FromPath(broken), InputSource.FromPath(good));
        var kl001 = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.Equal("broken.yaml", kl001.Location.Path);
        Assert.Equal((line, column), (kl001.Location.Line, kl001.Location.Column));
        Assert.Contains(result.Findings, f => f.RuleId == "KL205" && f.Location.Path == "good.yaml");
    }

    [Fact]
    public void A_scanner_state_that_throws_InvalidOperationException_is_KL001_at_the_scanner_mark()
    {
        using var hostile = new Hostile();
        var broken = hostile.Write("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  - [b\n  - c\n");
        var good = hostile.Write("good.yaml", NodePort);
        var result = hostile.Lint(InputSource.FromPath(broken), InputSource.FromPath(good));
        var kl001 = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.Equal(("broken.yaml", 7, 3), (kl001.Location.Path, kl001.Location.Line, kl001.Location.Column));
        Assert.Contains("flow collection", kl001.Message);
        Assert.Contains(result.Findings, f => f.RuleId == "KL205" && f.Location.Path == "good.yaml");
    }

    [Fact]
    public void An_unterminated_flow_collection_does_not_end_the_run_and_the_exit_code_is_3()
    {
        using var hostile = new Hostile();
        hostile.Write("a-broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: {app: web\n");
        hostile.Write("b-broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\ndata:\n  ports: [80, 443");
        hostile.Write("good.yaml", NodePort);
        var (code, stdout, _) = hostile.Run(string.Empty, "check", ".", "--format", "json");
        Assert.Equal(3, code);
        Assert.Contains("\"ruleId\": \"KL205\"", stdout);
        Assert.Contains("a-broken.yaml", stdout);
        Assert.Contains("b-broken.yaml", stdout);
    }

    [Fact]
    public void Unterminated_flow_collections_on_stdin_are_KL001()
    {
        using var hostile = new Hostile();
        var (code, stdout, stderr) = hostile.Run("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, labels: {app: web\n", "check", "-", "--format", "json");
        Assert.Equal(3, code);
        Assert.Contains("\"ruleId\": \"KL001\"", stdout);
        Assert.DoesNotContain("Exception", stderr);
    }

    [Fact]
    public void A_tab_used_for_indentation_is_reported_at_the_tab()
    {
        using var hostile = new Hostile();
        var path = hostile.Write("tab.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n\tkey: value\n");
        var result = hostile.Lint(InputSource.FromPath(path));
        var kl001 = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.Equal((6, 1), (kl001.Location.Line, kl001.Location.Column));
        Assert.Contains("tab", kl001.Message);
    }

    [Fact]
    public void A_tab_after_spaces_of_indentation_is_reported_at_the_tab()
    {
        using var hostile = new Hostile();
        var path = hostile.Write("tab.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n  \tapp: web\n");
        var result = hostile.Lint(InputSource.FromPath(path));
        var kl001 = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.Equal((6, 3), (kl001.Location.Line, kl001.Location.Column));
    }
}
