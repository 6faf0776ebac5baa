using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Rules.Netpol;

/// <summary>Shared wording for the connections NetworkPolicies deny (KL705-KL708).</summary>
internal static class Denials
{
    /// <summary>The direction that denies the connection, egress first.</summary>
    public static DirectionVerdict DenyingSide(ConnectionVerdict verdict) => verdict.DeniedBy == PolicyDirection.Egress ? verdict.Egress : verdict.Ingress;

    /// <summary>"NetworkPolicy a isolates", "NetworkPolicy a and NetworkPolicy b isolate"; without a certain policy, "the policies of its namespace isolate".</summary>
    public static string Isolate(IReadOnlyList<NetworkPolicyObject> policies) => policies.Count switch
    {
        0 => "the policies of its namespace isolate",
        1 => $"{policies[0]} isolates",
        _ => $"{Describe.List(policies.Select(p => p.ToString()))} isolate",
    };
}
