using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Core.Tests;

public sealed class GatewayRoutingTests
{
    private const string Infra = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: infra
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels: {gateway-access: "true"}
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: blog
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: public
          namespace: infra
        spec:
          gatewayClassName: envoy
          listeners:
            - name: http
              port: 80
              protocol: HTTP
              hostname: "*.example.com"
              allowedRoutes:
                namespaces:
                  from: Selector
                  selector:
                    matchLabels: {gateway-access: "true"}
            - name: tcp
              port: 5432
              protocol: TCP
              allowedRoutes:
                namespaces: {from: All}
            - name: local
              port: 8080
              protocol: HTTP
        ---

        """;

    private static RouteResolution Route(string route, string extra = "")
    {
        var snapshot = Cluster.From(Infra + extra + route);
        return snapshot.GatewayRouting.Resolve(snapshot.GatewayRouting.Routes.Single());
    }

    private static string HttpRoute(string ns, string parent, string hostnames = "[shop.example.com]", string backends = "[{name: web, port: 80}]", string kind = "HTTPRoute") => $"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: {kind}
        metadata:
          name: r
          namespace: {ns}
        spec:
          parentRefs: [{parent}]
          hostnames: {hostnames}
          rules:
            - backendRefs: {backends}
        """;

    [Fact]
    public void Parent_defaults_to_a_gateway_in_the_route_namespace_and_selects_by_section_name_and_port()
    {
        var all = Route(HttpRoute("shop", "{name: public, namespace: infra}")).Parents.Single();
        Assert.NotNull(all.Gateway);
        Assert.Equal(["http", "tcp", "local"], all.Selected.Select(l => l.Name));

        var section = Route(HttpRoute("shop", "{name: public, namespace: infra, sectionName: http}")).Parents.Single();
        Assert.Equal(["http"], section.Selected.Select(l => l.Name));

        var both = Route(HttpRoute("shop", "{name: public, namespace: infra, sectionName: http, port: 8080}")).Parents.Single();
        Assert.Empty(both.Selected);

        var local = Route(HttpRoute("shop", "{name: public}")).Parents.Single();
        Assert.Null(local.Gateway);
        Assert.Equal("shop", local.Ref.Namespace);
    }

    [Fact]
    public void Http_route_rules_keep_their_path_matches_with_defaults()
    {
        var route = Cluster.From("""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r, namespace: shop}
            spec:
              rules:
                - matches: [{path: {type: Exact, value: /login}}, {path: {value: /api}}, {headers: [{name: x, value: y}]}]
                  backendRefs: [{name: web, port: 80}]
                - backendRefs: [{name: web, port: 80}]
            """).GatewayRouting.Routes.Single();
        Assert.Equal(["/login (Exact)", "/api (PathPrefix)", "/ (PathPrefix)"], route.RulePaths[0].Select(p => p.ToString()));
        Assert.Empty(route.RulePaths[1]);
    }

    [Fact]
    public void Listeners_admit_by_namespace_labels_and_by_the_kinds_their_protocol_carries()
    {
        var shop = Route(HttpRoute("shop", "{name: public, namespace: infra}")).Parents.Single();
        Assert.Equal(["http"], shop.Admitting.Select(l => l.Name)); // tcp carries no HTTPRoute; local is Same
        Assert.Empty(shop.Undecided);

        var blog = Route(HttpRoute("blog", "{name: public, namespace: infra}")).Parents.Single();
        Assert.Empty(blog.Admitting);
        Assert.Empty(blog.Undecided);

        var tcp = Route(HttpRoute("blog", "{name: public, namespace: infra}", kind: "TCPRoute")).Parents.Single();
        Assert.Equal(["tcp"], tcp.Admitting.Select(l => l.Name));
    }

    [Fact]
    public void The_labels_of_a_namespace_the_input_does_not_know_are_unknown()
    {
        var parent = Route(HttpRoute("elsewhere", "{name: public, namespace: infra, sectionName: http}")).Parents.Single();
        Assert.Empty(parent.Admitting);
        Assert.Equal(["http"], parent.Undecided.Select(l => l.Name));
    }

    [Theory]
    [InlineData("*.example.com", "shop.example.com", true)]
    [InlineData("*.example.com", "a.b.example.com", true)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("*.example.com", "shop.example.org", false)]
    [InlineData("*.com", "*.example.com", true)]
    [InlineData("*.example.com", "*.example.org", false)]
    [InlineData("shop.example.com", "SHOP.example.com", true)]
    public void Hostnames_intersect_with_wildcards_over_one_or_more_labels(string a, string b, bool expected)
    {
        Assert.Equal(expected, GatewayRouting.HostnamesIntersect(a, b));
        Assert.Equal(expected, GatewayRouting.HostnamesIntersect(b, a));
    }

    [Fact]
    public void Attached_listeners_are_the_admitting_ones_whose_hostname_intersects()
    {
        var parent = Route(HttpRoute("shop", "{name: public, namespace: infra}", hostnames: "[shop.example.org]")).Parents.Single();
        Assert.Equal(["http"], parent.Admitting.Select(l => l.Name));
        Assert.Empty(parent.Attached);
    }

    private const string Rejected = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: edge
          namespace: infra
        spec:
          gatewayClassName: envoy
          listeners:
            - {name: http, port: 80, protocol: HTTP, hostname: shop.example.com, allowedRoutes: {namespaces: {from: All}}}
            - {name: http, port: 81, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
            - {name: copy, port: 80, protocol: HTTP, hostname: shop.example.com, allowedRoutes: {namespaces: {from: All}}}
            - {name: upper, port: 82, protocol: HTTP, hostname: Blog.Example.com, allowedRoutes: {namespaces: {from: All}}}
            - {name: tcp, port: 5432, protocol: TCP, hostname: db.example.com, allowedRoutes: {namespaces: {from: All}, kinds: [{kind: HTTPRoute}]}}
        ---

        """;

    [Fact]
    public void Listeners_the_crd_validation_rejects_are_no_listeners()
    {
        var snapshot = Cluster.From(Infra + Rejected + HttpRoute("shop", "{name: edge, namespace: infra}"));
        var gateway = snapshot.GatewayRouting.Gateways.Single(g => g.Name == "edge");
        Assert.Equal(
            [GatewayDefect.DuplicateListenerName, GatewayDefect.DuplicateListenerCombination, GatewayDefect.InvalidHostname, GatewayDefect.HostnameNotAllowed],
            snapshot.GatewayRouting.Rejections(gateway).Select(r => r.Defect));

        // The later listener named http, the copy of port/protocol/hostname and the listener whose hostname is invalid
        // (left out entirely, not turned into "any hostname") are gone; the TCP listener stays, without its hostname.
        Assert.Equal(["http", "tcp"], snapshot.GatewayRouting.Listeners(gateway).Select(l => l.Name));
        Assert.Equal([0, 4], snapshot.GatewayRouting.Listeners(gateway).Select(l => l.Index));
        var parent = snapshot.GatewayRouting.Resolve(snapshot.GatewayRouting.Routes.Single()).Parents.Single();
        Assert.Equal([0, 4], parent.Selected.Select(l => l.Index));
        Assert.Equal([0, 4], parent.Attached.Select(l => l.Index));
        Assert.Null(GatewayRouting.ListenerHostname(parent.Selected[1]));

        var named = Route(HttpRoute("shop", "{name: edge, namespace: infra, sectionName: upper}"), Rejected).Parents.Single();
        Assert.Empty(named.Selected);
        Assert.Equal(["upper"], named.Rejected.Select(l => l.Name));
    }

    [Fact]
    public void Route_hostnames_the_crd_validation_rejects_are_left_out_and_with_none_left_the_route_matches_every_listener()
    {
        var some = Route(HttpRoute("shop", "{name: public, namespace: infra, sectionName: http}", hostnames: "[Shop.example.org, shop.example.com]"));
        Assert.Equal(["shop.example.com"], some.Hostnames.Select(h => h.Value));
        Assert.Equal(["http"], some.Parents.Single().Attached.Select(l => l.Name));

        var none = Route(HttpRoute("shop", "{name: public, namespace: infra, sectionName: http}", hostnames: "[\"shop.example.org.\"]"));
        Assert.Empty(none.Hostnames);
        Assert.Equal(["http"], none.Parents.Single().Attached.Select(l => l.Name));
    }

    [Fact]
    public void A_repeated_parent_ref_is_left_out()
    {
        var resolution = Route(HttpRoute("shop", "{name: public, namespace: infra, sectionName: http}, {name: public, namespace: infra, sectionName: http}, {name: public, namespace: infra, sectionName: local}"));
        Assert.Equal([0, 2], resolution.Parents.Select(p => p.Ref.Index));

        // Without a sectionName a reference conflicts with every other reference to that parent.
        var unnamed = Route(HttpRoute("shop", "{name: public, namespace: infra}, {name: public, namespace: infra, sectionName: http}, {name: public, namespace: infra, sectionName: local}"));
        Assert.Equal([0], unnamed.Parents.Select(p => p.Ref.Index));

        // A namespace written out and one left to default are different parents for the CRD rule.
        var distinct = Route(HttpRoute("infra", "{name: public}, {name: public, namespace: infra}"));
        Assert.Equal(2, distinct.Parents.Count);
    }

    [Theory]
    [InlineData("shop.example.com", true)]
    [InlineData("*.example.com", true)]
    [InlineData("localhost", true)]
    [InlineData("10.0.0.1", true)]
    [InlineData("Shop.example.com", false)]
    [InlineData("*", false)]
    [InlineData("shop.*.com", false)]
    [InlineData("*.*.example.com", false)]
    [InlineData("shop.example.com.", false)]
    [InlineData("-shop.example.com", false)]
    [InlineData("shop_1.example.com", false)]
    [InlineData("", false)]
    [InlineData("shop.example.com\n", false)] // the API server's pattern ends at the end of the text, not before a final newline
    public void Hostnames_follow_the_gateway_api_pattern(string hostname, bool valid)
    {
        Assert.Equal(valid, GatewayValidation.IsValidHostname(hostname));
        Assert.False(GatewayValidation.IsValidHostname(new string('a', 254)));
        Assert.True(GatewayValidation.IsValidHostname(string.Join(".", Enumerable.Repeat(new string('a', 63), 3)) + "." + new string('b', 61)));
    }

    [Fact]
    public void Backends_cross_namespaces_only_through_a_reference_grant_and_resolve_to_the_service_port()
    {
        const string Payments = """
            apiVersion: v1
            kind: Service
            metadata:
              name: api
              namespace: payments
            spec:
              selector: {app: api}
              ports:
                - {name: http, port: 80, targetPort: 8080}
            ---

            """;
        const string Grant = """
            apiVersion: gateway.networking.k8s.io/v1beta1
            kind: ReferenceGrant
            metadata:
              name: from-shop
              namespace: payments
            spec:
              from:
                - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}
              to:
                - {group: "", kind: Service}
            ---

            """;
        var denied = Route(HttpRoute("shop", "{name: public, namespace: infra}", backends: "[{name: api, namespace: payments, port: 80}]"), Payments).Backends.Single();
        Assert.True(denied.CrossesNamespace);
        Assert.False(denied.Permitted);
        Assert.Equal("api", denied.Service?.Name);
        Assert.Equal(80, denied.Port?.Port.Port?.Value);

        var granted = Route(HttpRoute("shop", "{name: public, namespace: infra}", backends: "[{name: api, namespace: payments, port: 80}]"), Payments + Grant).Backends.Single();
        Assert.True(granted.Permitted);
        Assert.Equal("from-shop", granted.Grant?.Name);

        var otherKind = Route(HttpRoute("shop", "{name: public, namespace: infra}", backends: "[{name: api, namespace: payments, port: 80}]", kind: "GRPCRoute"), Payments + Grant).Backends.Single();
        Assert.False(otherKind.Permitted);

        var wrongPort = Route(HttpRoute("shop", "{name: public, namespace: infra}", backends: "[{name: api, namespace: payments, port: 8080}]"), Payments + Grant).Backends.Single();
        Assert.Null(wrongPort.Port);
    }

    [Fact]
    public void Gateway_kinds_bind_in_every_served_version_without_unknown_field_findings()
    {
        var snapshot = Cluster.From("""
            apiVersion: gateway.networking.k8s.io/v1alpha2
            kind: TCPRoute
            metadata:
              name: db
            spec:
              parentRefs: [{name: gw, sectionName: tcp}]
              rules:
                - backendRefs: [{name: db}]
                  someFutureField: 1
            """);
        var route = Assert.IsType<RouteObject>(snapshot.Objects.Single());
        Assert.Equal("tcp", route.ParentRefs.Single().SectionNameNode?.Value);
        Assert.False(route.BackendRefs.Single().HasPortKey);
        Assert.Empty(snapshot.Files.SelectMany(f => f.Problems));
    }
}
