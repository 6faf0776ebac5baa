using Linter.Core.Loading;

namespace Linter.Rules.Tests;

/// <summary>A finding whose fix is in another object points at that object too.</summary>
public sealed class RelatedLocationTests
{
    [Fact]
    public void KL301_points_at_the_Service_in_the_other_namespace()
    {
        const string yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: payments-api, namespace: payments}\nspec:\n  selector: {app: payments}\n  ports: [{port: 80}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          env: [{name: PAYMENTS_URL, value: \"http://payments-api/v1\"}]\n";
        var finding = Assert.Single(Expectations.Lint(BuiltInRules.Catalog.Find("KL301")!, InputSource.FromText("app.yaml", yaml), "/"));
        var related = Assert.Single(finding.Related);
        Assert.Equal(3, related.Span.Line);
        Assert.Equal("Service payments-api in namespace payments", related.Message);
    }

    [Fact]
    public void KL403_points_at_the_Service_to_make_headless()
    {
        const string yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  clusterIP: 10.96.0.12\n  selector: {app: db}\n  ports: [{port: 5432}]\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: postgres}]}\n";
        var finding = Assert.Single(Expectations.Lint(BuiltInRules.Catalog.Find("KL403")!, InputSource.FromText("db.yaml", yaml), "/"));
        var related = Assert.Single(finding.Related);
        Assert.Equal(5, related.Span.Line);
        Assert.Contains("set `clusterIP: None` here", related.Message);
    }
}
