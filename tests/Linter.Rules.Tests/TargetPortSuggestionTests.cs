using Linter.Core.Loading;

namespace Linter.Rules.Tests;

/// <summary>
/// KL201 and KL202 name a declared port as the new targetPort only when exactly one fits without taking another
/// port's traffic; the fix they always give, declaring the target number, cannot break a Service that works.
/// </summary>
public sealed class TargetPortSuggestionTests
{
    private static string Workload(string name, string ports) =>
        $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}}}\nspec:\n  selector: {{matchLabels: {{app: shop}}}}\n  template:\n" +
        $"    metadata: {{labels: {{app: shop}}}}\n    spec: {{containers: [{{name: app, image: shop:1.0, ports: [{ports}]}}]}}\n---\n";

    private static string Service(string ports) => $"apiVersion: v1\nkind: Service\nmetadata: {{name: shop}}\nspec:\n  selector: {{app: shop}}\n  ports: [{ports}]\n";

    private static string Message(string id, string yaml) =>
        Assert.Single(Expectations.Lint(BuiltInRules.Catalog.Find(id)!, InputSource.FromText("shop.yaml", yaml), "/")).Message;

    [Fact]
    public void The_one_traffic_port_no_other_service_port_uses_is_suggested()
    {
        var message = Message("KL201", Workload("shop", "{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}") +
            Service("{name: web, port: 80}, {name: metrics, port: 9090}"));
        Assert.Contains("Set `targetPort: http` if that is where the application listens; if it listens on 80, declare 80 in the container's ports", message);
    }

    [Fact]
    public void A_metrics_port_is_not_suggested_for_traffic()
    {
        var message = Message("KL201", Workload("shop", "{name: metrics, containerPort: 9090}") + Service("{name: http, port: 80}"));
        Assert.DoesNotContain("targetPort: metrics", message);
        Assert.Contains("declare 80 in the container's ports", message);
    }

    [Fact]
    public void Ports_that_differ_between_the_selected_workloads_are_not_suggested()
    {
        var message = Message("KL202", Workload("shop-v1", "{name: http, containerPort: 8080}") + Workload("shop-v2", "{name: web, containerPort: 8081}") +
            Service("{name: http, port: 80, targetPort: 8000}"));
        Assert.DoesNotContain("set `targetPort:", message);
        Assert.Contains("point targetPort at that declared port", message);
    }

    [Fact]
    public void A_port_of_the_other_protocol_is_not_suggested()
    {
        var message = Message("KL202", Workload("shop", "{name: dns, containerPort: 5353, protocol: UDP}, {containerPort: 8080}") +
            Service("{name: http, port: 80, targetPort: 8000}"));
        Assert.Contains("set `targetPort: 8080`", message);
    }

    [Fact]
    public void When_every_declared_port_is_another_service_ports_target_none_is_suggested()
    {
        var message = Message("KL201", Workload("shop", "{name: client, containerPort: 4222}, {name: monitor, containerPort: 8222}") +
            Service("{name: client, port: 4222}, {name: monitor, port: 8222}, {name: gateways, port: 7522}"));
        Assert.Contains("Every declared port is already the target of another port of this Service; if nothing listens on 7522, remove this port", message);
    }
}
