using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Tests;

/// <summary>
/// What the input proves about a namespace decides how absence is reported: where it declares the namespace (a
/// Namespace object), a Service or pods missing there are a warning; where it only deploys workloads into it, a note
/// (a Helm chart or an operator may add them); where it holds only Services and ConfigMaps, nothing.
/// </summary>
public sealed class NamespaceOwnershipTests
{
    private const string Namespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n";
    private const string Service = "apiVersion: v1\nkind: Service\nmetadata: {name: metrics, namespace: shop}\nspec:\n  selector: {app: exporter}\n  ports: [{port: 9100}]\n---\n";
    private const string Deployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n" +
        "    spec:\n      containers:\n        - name: web\n          image: nginx\n          env: [{name: INVENTORY_URL, value: \"http://inventory:8080/items\"}]\n---\n";

    [Theory]
    [InlineData(Namespace + Service + Deployment, "warning")]
    [InlineData(Service + Deployment, "note")]
    [InlineData(Service, null)]
    public void A_Service_that_selects_nothing_resembling_its_selector(string yaml, string? severity) =>
        Assert.Equal(severity, Severity("KL101", yaml));

    [Theory]
    [InlineData(Namespace + Service + Deployment, "warning")]
    [InlineData(Service + Deployment, "note")]
    public void A_URL_to_a_short_name_that_is_no_Service_of_the_namespace(string yaml, string? severity) =>
        Assert.Equal(severity, Severity("KL302", yaml));

    [Fact]
    public void A_near_miss_is_a_warning_even_where_the_input_only_has_Services()
    {
        var yaml = Service + Deployment.Replace("http://inventory:8080/items", "http://metric.shop:9100/").Replace("namespace: shop}\nspec:\n  selector: {matchLabels", "namespace: web}\nspec:\n  selector: {matchLabels");
        var finding = Assert.Single(Lint("KL302", yaml));
        Assert.Equal(Core.Rules.Severity.Warning, finding.Severity);
        Assert.Contains("did you mean `metrics.shop`?", finding.Message);
    }

    private static string? Severity(string rule, string yaml) => Lint(rule, yaml) switch
    {
        [] => null,
        [var finding] => finding.Severity.ToString().ToLowerInvariant(),
        _ => "several",
    };

    private static IReadOnlyList<Finding> Lint(string rule, string yaml) =>
        Expectations.Lint(BuiltInRules.Catalog.Find(rule)!, InputSource.FromText("app.yaml", yaml), "/");
}
