using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Core.Tests;

/// <summary>
/// The NetworkPolicy parts KL701–KL704 report (<see cref="PolicyDefects"/>), and how the evaluator counts them as
/// unknown (RULES.md, traffic ground rule 4).
/// </summary>
public sealed class PolicyDefectTests
{
    /// <summary>The pods of <see cref="NetworkPolicyTests.Pods"/>, and Service api (port 80 → api's http, 9090).</summary>
    private const string Pods = NetworkPolicyTests.Pods + """
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        spec: {selector: {app: api}, ports: [{port: 80, targetPort: http}]}
        ---

        """;

    private static ClusterSnapshot With(string policies) => Cluster.From(Pods + policies);

    private static string Policy(string name, string ns, string spec) => $"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: {name}, namespace: {ns}}}\nspec: {spec}\n---\n";

    private static PolicyEndpoint Pod(ClusterSnapshot snapshot, string name) =>
        snapshot.Policies.Endpoint(snapshot.PodTemplates.Single(p => p.Owner.Name == name));

    private static Verdict Allowed(ClusterSnapshot snapshot, string from, string to, int port) =>
        snapshot.Policies.Allowed(Pod(snapshot, from), Pod(snapshot, to), port, "TCP").Verdict;

    [Fact]
    public void A_pod_selector_that_matches_no_pod_of_an_owned_namespace_is_a_defect_but_not_an_empty_or_unknowable_one()
    {
        var snapshot = With(
            Policy("typo", "shop", "{podSelector: {matchLabels: {app: wbe}}}") +
            Policy("all", "shop", "{podSelector: {}}") +
            Policy("hash", "shop", "{podSelector: {matchLabels: {app: web, pod-template-hash: abc}}}") +
            Policy("elsewhere", "payments", "{podSelector: {matchLabels: {app: x}}}"));
        Assert.Equal("typo", Assert.Single(snapshot.PolicyDefects.Selectors).Policy.Name);
    }

    [Fact]
    public void A_pod_selector_alone_that_matches_pods_of_another_namespace_names_them()
    {
        var snapshot = With(Policy("p", "shop", "{podSelector: {}, ingress: [{from: [{podSelector: {matchLabels: {app: client}}}]}]}"));
        var defect = Assert.Single(snapshot.PolicyDefects.Peers);
        Assert.False(defect.NoNamespace);
        Assert.Equal("client", defect.Elsewhere?.Owner.Name);
        Assert.Equal(["shop"], defect.Scope);
    }

    [Fact]
    public void Only_closed_scopes_make_peer_defects()
    {
        var snapshot = With(Policy("p", "shop", """
            {podSelector: {}, ingress: [{from: [
              {namespaceSelector: {matchLabels: {team: x}}, podSelector: {matchLabels: {app: nothing}}},
              {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}},
              {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: tools}}, podSelector: {matchLabels: {app: nothing}}},
              {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: tools, team: x}}}]}]}
            """));
        var defects = snapshot.PolicyDefects.Peers;
        Assert.Equal(2, defects.Count);
        Assert.False(defects[0].NoNamespace);
        Assert.Equal("podSelector", defects[0].At.Value);
        Assert.True(defects[1].NoNamespace);
        Assert.Equal("namespaceSelector", defects[1].At.Value);
    }

    [Fact]
    public void Ports_the_destination_pods_do_not_listen_on_are_defects()
    {
        var snapshot = With(
            Policy("in", "shop", "{podSelector: {matchLabels: {app: api}}, ingress: [{ports: [{port: htp}, {port: http}, {port: 1234}]}]}") +
            Policy("out", "shop", "{podSelector: {matchLabels: {app: web}}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 80}, {port: 9090}]}]}") +
            Policy("open", "shop", "{podSelector: {matchLabels: {app: web}}, policyTypes: [Egress], egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}], ports: [{port: 80}, {port: nope}]}]}"));
        var defects = snapshot.PolicyDefects.Ports;
        Assert.Equal(["htp", "80"], defects.Select(d => d.Port.Port.ToString()));
        Assert.Equal("api", defects[1].Service?.Name);
        Assert.Equal(9090, defects[1].Target);
    }

    [Fact]
    public void Rules_of_an_unenforced_direction_and_an_empty_egress_list_without_policy_types_are_defects()
    {
        var snapshot = With(
            Policy("legacy", "shop", "{podSelector: {}, policyTypes: [Ingress], egress: [{}]}") +
            Policy("deny-egress", "shop", "{podSelector: {}, egress: []}") +
            Policy("right", "shop", "{podSelector: {}, policyTypes: [Egress], egress: []}") +
            Policy("refused", "shop", "{podSelector: {}, policyTypes: [ingress], ingress: [{}]}"));
        var defects = snapshot.PolicyDefects.Directions;
        Assert.Equal(["legacy:False", "deny-egress:True"], defects.Select(d => $"{d.Policy.Name}:{d.EmptyEgress}"));
    }

    private const string PeerElsewhere = "{podSelector: {matchLabels: {app: api}}, ingress: [{from: [{podSelector: {matchLabels: {app: client}}}, {podSelector: {matchLabels: {app: web}}}]}]}";
    private const string ServicePort = "{podSelector: {matchLabels: {app: web}}, policyTypes: [Egress], egress: [{to: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 80}]}]}";
    private const string NamedPortTypo = "{podSelector: {matchLabels: {app: api}}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: htp}]}]}";

    /// <summary>
    /// The ingress isolation of `egress: []` without policyTypes is unknown (not with an `ingress` key: then the author
    /// asked for it); a peer KL702 reports is unknown while the other peers still decide; a port KL703 reports is
    /// unknown, and a peer that cannot match still denies.
    /// </summary>
    [Theory]
    [InlineData("{podSelector: {}, egress: []}", "client", "web", 8080, Verdict.Unknown)]
    [InlineData("{podSelector: {}, egress: []}", "web", "client", 8080, Verdict.Yes)]
    [InlineData("{podSelector: {}, ingress: [], egress: []}", "client", "web", 8080, Verdict.No)]
    [InlineData(PeerElsewhere, "client", "api", 9090, Verdict.Unknown)]
    [InlineData(PeerElsewhere, "web", "api", 9090, Verdict.Yes)]
    [InlineData(ServicePort, "web", "api", 9090, Verdict.Unknown)]
    [InlineData(NamedPortTypo, "web", "api", 9090, Verdict.Unknown)]
    [InlineData(NamedPortTypo, "client", "api", 9090, Verdict.No)]
    public void Parts_that_KL702_to_KL704_report_count_as_unknown(string spec, string from, string to, int port, Verdict expected) =>
        Assert.Equal(expected, Allowed(With(Policy("p", "shop", spec)), from, to, port));
}
