using Linter.Core.Loading;

namespace Linter.Rules.Tests;

/// <summary>"Nearest" suggestions name the closest object, not the first of equally wrong ones.</summary>
public sealed class NearestTests
{
    private static string Deployment(string name) =>
        $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}}}\nspec:\n  selector: {{matchLabels: {{app: {name}}}}}\n  template:\n    metadata: {{labels: {{app: {name}}}}}\n    spec: {{containers: [{{name: app, image: nginx}}]}}\n---\n";

    [Fact]
    public void KL101_names_the_template_whose_label_value_is_closest()
    {
        var yaml = Deployment("svc-00001") + Deployment("svc-00002") + Deployment("svc-00009") + Deployment("svc-00012") +
            "apiVersion: v1\nkind: Service\nmetadata: {name: svc-00009-v2}\nspec:\n  selector: {app: svc-00009-v2}\n  ports: [{port: 80}]\n";
        var finding = Assert.Single(Expectations.Lint(BuiltInRules.Catalog.Find("KL101")!, InputSource.FromText("apps.yaml", yaml), "/"));
        Assert.Contains("nearest: pods of Deployment svc-00009 carry app=svc-00009", finding.Message);
        Assert.Equal(21, Assert.Single(finding.Related).Span.Line);
    }
}
