using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>A part of a NetworkPolicy rule the API server rejects: where, and its reason.</summary>
public sealed record PolicyProblem(SourceSpan At, string Reason);

/// <summary>
/// What the API server checks in NetworkPolicy ports and peers (<c>ValidateNetworkPolicyPort</c>,
/// <c>ValidateNetworkPolicyPeer</c>, <c>ValidateIPBlock</c>). A rule holding such a part takes part in no verdict
/// (RULES.md, traffic ground rule 4: removing only the bad part could turn a narrow rule into an allow-all one).
/// </summary>
public static class PolicyChecks
{
    public static bool IsMalformed(PolicyRule rule) => rule.Ports.Any(p => Problems(p).Any()) || rule.Peers.Any(p => Problems(p).Any());

    public static IEnumerable<PolicyProblem> Problems(PolicyPort port)
    {
        if (port.ProtocolNode is { } protocol && protocol.Value is not ("TCP" or "UDP" or "SCTP"))
        {
            yield return new PolicyProblem(protocol.Span, $"protocol: Unsupported value: \"{protocol.Value}\": supported values: \"SCTP\", \"TCP\", \"UDP\"");
        }

        switch (port.Port)
        {
            case { Number: { } number } when number is < 1 or > 65535:
                yield return new PolicyProblem(port.Port.Value.Node.Span, $"port: Invalid value: {number}: must be between 1 and 65535, inclusive");
                break;
            case { Name: { } name } when NameValidation.IanaServiceName(name) is { Count: > 0 } errors:
                yield return new PolicyProblem(port.Port.Value.Node.Span, $"port: Invalid value: \"{name}\": {string.Join(", ", errors)}");
                break;
        }

        if (port.EndPort is not { } end)
        {
            yield break;
        }

        if (port.Port is null)
        {
            yield return new PolicyProblem(end.Node.Span, "endPort: Required value: may not be specified when `port` is not specified");
        }
        else if (port.Port.Value.Name is not null)
        {
            yield return new PolicyProblem(end.Node.Span, "endPort: Invalid value: may not be specified when `port` is non-numeric");
        }
        else if (end.Value is < 1 or > 65535)
        {
            yield return new PolicyProblem(end.Node.Span, $"endPort: Invalid value: {end.Value}: must be between 1 and 65535, inclusive");
        }
        else if (end.Value < port.Port.Value.Number)
        {
            yield return new PolicyProblem(end.Node.Span, $"endPort: Invalid value: {end.Value}: must be greater than or equal to `port`");
        }
    }

    public static IEnumerable<PolicyProblem> Problems(PolicyPeer peer)
    {
        if (peer.PodSelectorKey is null && peer.NamespaceSelectorKey is null && peer.IpBlockKey is null)
        {
            yield return new PolicyProblem(peer.Item.Span, "Required value: must specify a peer");
            yield break;
        }

        if (peer.IpBlockKey is not { } ipBlock)
        {
            yield break;
        }

        if (peer.PodSelectorKey is not null || peer.NamespaceSelectorKey is not null)
        {
            yield return new PolicyProblem(ipBlock.Span, "Forbidden: may not specify both ipBlock and another peer");
        }

        if (peer.Cidr is not { } cidrNode)
        {
            yield return new PolicyProblem(ipBlock.Span, "ipBlock.cidr: Required value");
            yield break;
        }

        if (Cidr.Parse(cidrNode.Value) is not { } cidr)
        {
            yield return new PolicyProblem(cidrNode.Span, $"ipBlock.cidr: Invalid value: \"{cidrNode.Value}\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
            yield break;
        }

        foreach (var item in peer.Except)
        {
            if (Cidr.Parse(item.Value) is not { } except)
            {
                yield return new PolicyProblem(item.Span, $"ipBlock.except: Invalid value: \"{item.Value}\": must be a valid CIDR value");
            }
            else if (!cidr.Contains(except) || except.Prefix <= cidr.Prefix)
            {
                yield return new PolicyProblem(item.Span, $"ipBlock.except: Invalid value: \"{item.Value}\": must be a strict subset of `cidr`");
            }
        }
    }
}
