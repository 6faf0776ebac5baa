using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>Binds NetworkPolicy objects: selectors, rules, ports and peers, every field with its node.</summary>
internal static class NetworkPolicyBinder
{
    public static void Bind(NetworkPolicyObject policy, FieldReader top)
    {
        policy.SpecKey = top.Key("spec");
        var spec = top.Child("spec");
        if (spec is null)
        {
            return;
        }

        policy.PodSelectorKey = spec.Key("podSelector");
        policy.PodSelector = Selector(spec, "podSelector", "which selects every pod of the policy's namespace");
        policy.PolicyTypesKey = spec.Key("policyTypes");
        policy.PolicyTypes = spec.Sequence("policyTypes")?.Items.OfType<ScalarNode>().Where(s => !s.IsNull).ToList() ?? [];
        policy.IngressKey = spec.Key("ingress");
        policy.Ingress = Rules(policy, spec, PolicyDirection.Ingress);
        policy.EgressKey = spec.Key("egress");
        policy.EgressIsList = spec.Sequence("egress") is not null;
        policy.Egress = Rules(policy, spec, PolicyDirection.Egress);
    }

    private static IReadOnlyList<PolicyRule> Rules(NetworkPolicyObject policy, FieldReader spec, PolicyDirection direction)
    {
        var ingress = direction == PolicyDirection.Ingress;
        var peersName = ingress ? "from" : "to";
        var rules = new List<PolicyRule>();
        foreach (var reader in spec.Items(ingress ? "ingress" : "egress"))
        {
            var rule = new PolicyRule(policy, direction, reader.Map.Span, rules.Count) { PeersKey = reader.Key(peersName) };
            var ports = new List<PolicyPort>();
            foreach (var port in reader.Items("ports"))
            {
                ports.Add(new PolicyPort(port.Map.Span) { ProtocolNode = port.String("protocol"), Port = port.PortRef("port"), EndPort = port.Int("endPort") });
            }

            var peers = new List<PolicyPeer>();
            foreach (var peer in reader.Items(peersName))
            {
                peers.Add(Peer(peer));
            }

            rule.Ports = ports;
            rule.Peers = peers;
            rules.Add(rule);
        }

        return rules;
    }

    private static PolicyPeer Peer(FieldReader reader)
    {
        var peer = new PolicyPeer(reader.Map.Span)
        {
            PodSelectorKey = reader.Key("podSelector"),
            PodSelector = Selector(reader, "podSelector", "which selects every pod (of the policy's namespace, or of the namespaces `namespaceSelector` selects)"),
            NamespaceSelectorKey = reader.Key("namespaceSelector"),
            NamespaceSelector = Selector(reader, "namespaceSelector", "which selects every namespace"),
            IpBlockKey = reader.Key("ipBlock"),
        };
        if (reader.Child("ipBlock") is { } block)
        {
            peer.Cidr = block.String("cidr");
            peer.Except = block.Sequence("except")?.Items.OfType<ScalarNode>().Where(s => !s.IsNull).ToList() ?? [];
        }

        return peer;
    }

    /// <summary>
    /// A label selector; a key written with no value (<c>podSelector:</c>) is the empty selector, as the API server reads
    /// it. Stray keys under it are KL811's, not unknown fields: <paramref name="leftEmpty"/> says what <c>{}</c> selects.
    /// </summary>
    private static LabelSelector? Selector(FieldReader reader, string name, string leftEmpty)
    {
        if (reader.Key(name) is null)
        {
            return null;
        }

        return reader.Child(name) is { } selector ? WorkloadBinder.BindLabelSelector(selector, leftEmpty) : new LabelSelector([], isValid: true);
    }
}
