using System.Diagnostics.CodeAnalysis;
using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>
/// A part of a NetworkPolicy the API server rejects: where, the field path (relative to what was checked; empty for the
/// checked item itself), the API server's reason, and how to fix it.
/// </summary>
public sealed record PolicyProblem(SourceSpan At, string Field, string Error, string Fix)
{
    /// <summary>The API server's message: <c>field: reason</c>.</summary>
    public string Reason => Field.Length == 0 ? Error : $"{Field}: {Error}";
}

/// <summary>
/// What the API server checks in NetworkPolicy ports and peers (<c>ValidateNetworkPolicyPort</c>,
/// <c>ValidateNetworkPolicyPeer</c>, <c>ValidateIPBlock</c>) and in <c>policyTypes</c> (<c>ValidateNetworkPolicySpec</c>).
/// A rule holding such a part, or a peer whose selector the API server rejects (KL811), takes part in no verdict
/// (RULES.md, traffic ground rule 4: removing only the bad part could turn a narrow rule into an allow-all one).
/// </summary>
public static class PolicyChecks
{
    /// <summary>
    /// The first release whose API server refuses non-canonical <c>ipBlock</c> CIDRs (leading zeros, host bits set):
    /// <c>StrictIPCIDRValidation</c> is on by default from about 1.36 (traffic semantics 4.1); before, they are accepted
    /// with a warning.
    /// </summary>
    public static readonly Version StrictCidrSince = new(1, 36);

    /// <summary>The rule holds a port or peer the API server rejects (CIDRs checked strictly when <paramref name="strictCidr"/>).</summary>
    public static bool IsMalformed(PolicyRule rule, bool strictCidr = false)
    {
        for (var i = 0; i < rule.Ports.Count; i++)
        {
            if (Problems(rule.Ports[i]).Any())
            {
                return true;
            }
        }

        for (var i = 0; i < rule.Peers.Count; i++)
        {
            var peer = rule.Peers[i];
            if (Problems(peer, strictCidr).Any() || peer.PodSelector is { IsValid: false } || peer.NamespaceSelector is { IsValid: false })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The API server rejects the policy's <c>policyTypes</c>: which directions it enforces is not known.</summary>
    public static bool RejectsPolicyTypes(NetworkPolicyObject policy) => PolicyTypeProblems(policy).Any();

    /// <summary>
    /// Every part of the policy the API server rejects (KL819), with the field path from <c>spec</c>; CIDRs are checked
    /// strictly from <see cref="StrictCidrSince"/>. Selectors are KL811's (<see cref="LabelSelector.Problems"/>).
    /// </summary>
    public static IEnumerable<PolicyProblem> Problems(NetworkPolicyObject policy, Version kubernetesVersion)
    {
        var strict = kubernetesVersion >= StrictCidrSince;
        foreach (var rule in policy.Ingress.Concat(policy.Egress))
        {
            for (var i = 0; i < rule.Ports.Count; i++)
            {
                foreach (var problem in Problems(rule.Ports[i]))
                {
                    yield return Under($"{PathOf(rule)}.ports[{i}]", problem);
                }
            }

            for (var i = 0; i < rule.Peers.Count; i++)
            {
                foreach (var problem in Problems(rule.Peers[i], strict))
                {
                    yield return Under($"{PathOf(rule)}.{(rule.Direction == PolicyDirection.Ingress ? "from" : "to")}[{i}]", problem);
                }
            }
        }

        foreach (var problem in PolicyTypeProblems(policy))
        {
            yield return problem;
        }
    }

    public static IEnumerable<PolicyProblem> Problems(PolicyPort port)
    {
        List<PolicyProblem>? problems = null;
        if (port.ProtocolNode is { } protocol && protocol.Value is not ("TCP" or "UDP" or "SCTP"))
        {
            var upper = protocol.Value.ToUpperInvariant();
            (problems ??= []).Add(new PolicyProblem(protocol.Span, "protocol", $"Unsupported value: \"{protocol.Value}\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
                upper is "TCP" or "UDP" or "SCTP" ? $"write `{upper}` (protocols are case-sensitive)" : "use `TCP` (the default), `UDP` or `SCTP`; NetworkPolicy cannot filter ICMP or other protocols"));
        }

        switch (port.Port)
        {
            case { Number: { } number } when number is < 1 or > 65535:
                (problems ??= []).Add(new PolicyProblem(port.Port.Value.Node.Span, "port", $"Invalid value: {number}: must be between 1 and 65535, inclusive",
                    "use a port number between 1 and 65535, or remove `port` to allow every port"));
                break;
            case { Name: { } name } when NameValidation.IanaServiceName(name) is { Count: > 0 } errors:
                (problems ??= []).Add(new PolicyProblem(port.Port.Value.Node.Span, "port", $"Invalid value: \"{name}\": {string.Join(", ", errors)}",
                    "name a container port as the pods declare it (at most 15 lowercase letters, digits and `-`, with a letter), or write the number"));
                break;
        }

        if (port.EndPort is not { } end)
        {
            return Found(problems);
        }

        if (port.Port is null)
        {
            (problems ??= []).Add(new PolicyProblem(end.Node.Span, "endPort", $"Invalid value: {end.Value}: may not be specified when `port` is not specified",
                "set `port` to the first port of the range"));
        }
        else if (port.Port.Value.Name is not null)
        {
            (problems ??= []).Add(new PolicyProblem(end.Node.Span, "endPort", $"Invalid value: {end.Value}: may not be specified when `port` is non-numeric",
                "a range needs numbers: write the first port's number in `port`, or remove `endPort`"));
        }
        else if (end.Value is < 1 or > 65535)
        {
            (problems ??= []).Add(new PolicyProblem(end.Node.Span, "endPort", $"Invalid value: {end.Value}: must be between 1 and 65535, inclusive",
                "end the range at a port between `port` and 65535"));
        }
        else if (end.Value < port.Port.Value.Number)
        {
            (problems ??= []).Add(new PolicyProblem(end.Node.Span, "endPort", $"Invalid value: {end.Value}: must be greater than or equal to `port`",
                $"write the range from low to high (`port: {end.Value}`, `endPort: {port.Port.Value.Number}`)"));
        }

        return Found(problems);
    }

    /// <summary>The peer's problems; with <paramref name="strictCidr"/>, also the CIDRs <c>StrictIPCIDRValidation</c> refuses.</summary>
    [SuppressMessage("ApiDesign", "RS0027", Justification = "The overloads check different parts of a policy (policy, port, peer); none adds parameters to another.")]
    public static IEnumerable<PolicyProblem> Problems(PolicyPeer peer, bool strictCidr = false)
    {
        if (peer.PodSelectorKey is null && peer.NamespaceSelectorKey is null && peer.IpBlockKey is null)
        {
            return [new PolicyProblem(peer.Span, string.Empty, "Required value: must specify a peer",
                "an empty peer is not \"everyone\": to allow every source or destination, remove `from`/`to` (the rule `- {}` allows all); to allow the pods of this namespace, write `- podSelector: {}`")];
        }

        if (peer.IpBlockKey is not { } ipBlock)
        {
            return [];
        }

        List<PolicyProblem>? problems = null;

        if (peer.PodSelectorKey is not null || peer.NamespaceSelectorKey is not null)
        {
            (problems ??= []).Add(new PolicyProblem(ipBlock.Span, string.Empty, "Forbidden: may not specify both ipBlock and another peer",
                "make the `ipBlock` a peer of its own (a separate `-` item; separate peers are OR)"));
        }

        if (peer.Cidr is not { Value.Length: > 0 } cidrNode)
        {
            (problems ??= []).Add(new PolicyProblem(peer.Cidr?.Span ?? ipBlock.Span, "ipBlock.cidr", "Required value", "set `cidr` to the address block to allow, such as 10.0.0.0/8"));
            return Found(problems);
        }

        if (CidrProblem(cidrNode, "ipBlock.cidr", strictCidr) is { } bad)
        {
            (problems ??= []).Add(bad);
        }

        if (Cidr.Parse(cidrNode.Value) is not { } cidr)
        {
            return Found(problems);
        }

        for (var i = 0; i < peer.Except.Count; i++)
        {
            var item = peer.Except[i];
            if (CidrProblem(item, $"ipBlock.except[{i}]", strictCidr) is { } badExcept)
            {
                (problems ??= []).Add(badExcept);
            }

            if (Cidr.Parse(item.Value) is { } except && (!cidr.Contains(except) || except.Prefix <= cidr.Prefix))
            {
                (problems ??= []).Add(new PolicyProblem(item.Span, $"ipBlock.except[{i}]", $"Invalid value: \"{item.Value}\": must be a strict subset of `cidr`",
                    $"list only blocks inside `{cidrNode.Value}` and smaller than it, or remove this entry"));
            }
        }

        return Found(problems);
    }

    private static PolicyProblem? CidrProblem(ScalarNode node, string field, bool strict)
    {
        if (Cidr.Parse(node.Value) is not { } cidr)
        {
            var hint = Cidr.Parse(node.Value + (node.Value.IndexOf(':') >= 0 ? "/128" : "/32")) is not null
                ? $"a single address is written with its prefix length: `{node.Value}{(node.Value.IndexOf(':') >= 0 ? "/128" : "/32")}`"
                : "write an address block such as 10.0.0.0/8 or 2001:db8::/64";
            return new PolicyProblem(node.Span, field, $"Invalid value: \"{node.Value}\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)", hint);
        }

        return strict && Cidr.StrictProblem(node.Value) is { } reason
            ? new PolicyProblem(node.Span, field, $"Invalid value: \"{node.Value}\": {reason}", $"write `{cidr.Canonical()}`")
            : null;
    }

    private static IEnumerable<PolicyProblem> PolicyTypeProblems(NetworkPolicyObject policy)
    {
        if (policy.PolicyTypes.Count > 2)
        {
            var list = string.Join(", ", policy.PolicyTypes.Select(t => $"\"{t.Value}\""));
            return [new PolicyProblem(policy.PolicyTypes[2].Span, "spec.policyTypes", $"Invalid value: [{list}]: may not specify more than two policyTypes",
                "list each of `Ingress` and `Egress` at most once")];
        }

        List<PolicyProblem>? problems = null;

        for (var i = 0; i < policy.PolicyTypes.Count; i++)
        {
            var type = policy.PolicyTypes[i];
            if (type.Value is "Ingress" or "Egress")
            {
                continue;
            }

            var meant = string.Equals(type.Value, "Ingress", StringComparison.OrdinalIgnoreCase) ? "Ingress"
                : string.Equals(type.Value, "Egress", StringComparison.OrdinalIgnoreCase) ? "Egress" : null;
            (problems ??= []).Add(new PolicyProblem(type.Span, $"spec.policyTypes[{i}]", $"Unsupported value: \"{type.Value}\": supported values: \"Egress\", \"Ingress\"",
                meant is null ? "list only `Ingress` and `Egress`" : $"write `{meant}` (policy types are case-sensitive)"));
        }

        return Found(problems);
    }

    /// <summary>The problems found; most parts have none, and get the one empty array (the checks run by the thousand).</summary>
    private static IEnumerable<PolicyProblem> Found(List<PolicyProblem>? problems) => problems is null ? Array.Empty<PolicyProblem>() : problems;

    /// <summary>The rule's field path from <c>spec</c>, written for a problem only.</summary>
    private static string PathOf(PolicyRule rule) => $"spec.{(rule.Direction == PolicyDirection.Ingress ? "ingress" : "egress")}[{rule.Index}]";

    private static PolicyProblem Under(string path, PolicyProblem problem) =>
        problem with { Field = problem.Field.Length == 0 ? path : $"{path}.{problem.Field}" };
}
