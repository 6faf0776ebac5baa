using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>The groups of Service fields the API server validates; each is one rule's (KL801–KL809).</summary>
public enum ServiceCheck
{
    Type,
    ClusterIP,
    IpFamily,
    ExternalName,
    Ports,
    TrafficPolicy,
    SessionAffinity,
    ExternalIPs,
    LoadBalancer,
}

/// <summary>
/// What the API server rejects in one Service (after v1 defaulting, KS §0–§1), and which fields the simulation
/// therefore leaves out (RULES.md ground rule 4).
/// </summary>
public sealed class ServiceValidity
{
    // Most Services are valid: the lists exist only once something is rejected (one validity per Service, kept for the run).
    private Dictionary<ServiceCheck, List<FieldRejection>>? _rejections;
    private List<FieldRejection>? _dropped;
    private List<ScalarNode>? _rejectedExternalIPs;

    internal ServiceValidity() { }

    /// <summary>The rejections of one group, in the order the API server checks the fields.</summary>
    public IReadOnlyList<FieldRejection> Rejections(ServiceCheck check) => _rejections is not null && _rejections.TryGetValue(check, out var list) ? list : Array.Empty<FieldRejection>();

    /// <summary>Fields the API server accepts and silently drops in defaulting (a <c>sessionAffinityConfig</c> without ClientIP affinity).</summary>
    public IReadOnlyList<FieldRejection> Dropped => (IReadOnlyList<FieldRejection>?)_dropped ?? [];

    /// <summary>The fields left out of the simulation.</summary>
    public ServiceFields LeftOut { get; private set; }

    /// <summary>The <c>externalIPs</c> items the API server rejects: they take part in nothing.</summary>
    public IReadOnlyList<ScalarNode> RejectedExternalIPs => (IReadOnlyList<ScalarNode>?)_rejectedExternalIPs ?? [];

    internal void Add(ServiceCheck check, SourceSpan span, string message)
    {
        _rejections ??= [];
        (_rejections.TryGetValue(check, out var list) ? list : _rejections[check] = []).Add(new FieldRejection(span, message));
    }

    internal void Drop(SourceSpan span, string message) => (_dropped ??= []).Add(new FieldRejection(span, message));

    internal void LeaveOut(ServiceFields fields) => LeftOut |= fields;

    internal void RejectExternalIP(ScalarNode item) => (_rejectedExternalIPs ??= []).Add(item);
}

/// <summary>
/// The API server's validation of a Service (<c>ValidateService</c>, <c>ValidateServiceClusterIPsRelatedFields</c>,
/// <c>validateServiceExternalTrafficPolicy</c>, <c>validateServiceInternalTrafficFieldsValue</c>, the allocator's
/// family check), run on the object as v1 defaulting leaves it. Port-level checks are KL2xx's, headless with node
/// ports KL401's, the <c>externalName</c> syntax KL307's.
/// </summary>
public static class ServiceValidation
{
    private static readonly string[] Types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
    private static readonly string[] Policies = ["Cluster", "Local"];
    private static readonly string[] Families = ["IPv4", "IPv6"];
    private static readonly string[] FamilyPolicies = ["PreferDualStack", "RequireDualStack", "SingleStack"];
    private static readonly string[] Affinities = ["ClientIP", "None"];
    private const int MaxAffinitySeconds = 86400;

    /// <summary>RelaxedServiceNameValidation (beta, on by default, from Kubernetes 1.36): Service names may start with a digit.</summary>
    public static readonly Version RelaxedNamesSince = new(1, 36);

    /// <summary><c>ValidateNonSpecialIP</c>: the reason (<c>{0}</c> is the value) and its ranges.</summary>
    private static readonly (string Reason, Cidr[] Ranges)[] SpecialRanges =
    [
        ("may not be unspecified ({0})", Blocks("0.0.0.0/32", "::/128")),
        ("may not be in the loopback range (127.0.0.0/8, ::1/128)", Blocks("127.0.0.0/8", "::1/128")),
        ("may not be in the link-local range (169.254.0.0/16, fe80::/10)", Blocks("169.254.0.0/16", "fe80::/10")),
        ("may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)", Blocks("224.0.0.0/24", "ff02::/16")),
    ];

    public static ServiceValidity Check(ServiceObject service, Version kubernetesVersion)
    {
        var validity = new ServiceValidity();
        var strict = kubernetesVersion >= PolicyChecks.StrictCidrSince;
        CheckType(validity, service);
        if (service.TypeNode?.Value == "ExternalName")
        {
            CheckExternalName(validity, service);
        }
        else
        {
            CheckClusterIPs(validity, service, strict);
            CheckFamilies(validity, service);
        }

        CheckPorts(validity, service);
        CheckSessionAffinity(validity, service);
        CheckExternalIPs(validity, service, strict);
        CheckLoadBalancerFields(validity, service, strict);
        CheckTrafficPolicies(validity, service);
        return validity;
    }

    private static bool TypeRejected(ServiceObject service) => service.TypeNode is { Value.Length: > 0 } type && Array.IndexOf(Types, type.Value) < 0;

    private static void CheckType(ServiceValidity validity, ServiceObject service)
    {
        if (!TypeRejected(service))
        {
            return;
        }

        var type = service.TypeNode!;
        validity.LeaveOut(ServiceFields.Type);
        var fix = Nearest(type.Value, Types) is { } near
            ? $"Did you mean `{near}`? The type is case-sensitive"
            : "Use `ClusterIP` (the default: reachable inside the cluster), `NodePort`, `LoadBalancer` or `ExternalName`; an internal load balancer is a LoadBalancer with the cloud provider's annotation";
        validity.Add(ServiceCheck.Type, type.Span,
            $"{service}: type \"{type.Value}\" is not a Service type: the API server rejects the Service ({Unsupported("spec.type", type.Value, Types)}). {fix}");
    }

    private static void CheckExternalName(ServiceValidity validity, ServiceObject service)
    {
        void Forbid(SourceSpan span, string field, string written, string remove) => validity.Add(ServiceCheck.ExternalName, span,
            $"{service} is an ExternalName Service with {written}: the API server rejects the Service (spec.{field}: Forbidden: may not be set for ExternalName services). An ExternalName Service is a DNS alias (CNAME) with no cluster IP: remove {remove}, or use type ClusterIP to get an address");

        var clusterIP = service.WrittenClusterIP is { Value.Length: > 0 } written ? written : null;
        if (clusterIP is not null || service.ClusterIPsKey is not null)
        {
            validity.LeaveOut(ServiceFields.ClusterIP);
            var shown = clusterIP is null ? "`clusterIPs`" : $"`clusterIP: {clusterIP.Value}`";
            Forbid(clusterIP?.Span ?? service.ClusterIPsKey!.Span, "clusterIPs", shown, service.ClusterIPsKey is null ? "`clusterIP`" : clusterIP is null ? "`clusterIPs`" : "`clusterIP` and `clusterIPs`");
        }

        if (service.IpFamiliesKey is { } families)
        {
            Forbid(families.Span, "ipFamilies", "`ipFamilies`", "`ipFamilies`");
        }

        if (service.IpFamilyPolicyNode is { } policy)
        {
            Forbid(policy.Span, "ipFamilyPolicy", $"`ipFamilyPolicy: {policy.Value}`", "`ipFamilyPolicy`");
        }

        // The value may end with one dot (a fully qualified name), which validation strips first.
        var externalName = service.ExternalNameNode?.Value ?? string.Empty;
        if ((externalName.EndsWith(".", StringComparison.Ordinal) ? externalName.Substring(0, externalName.Length - 1) : externalName).Length == 0)
        {
            validity.Add(ServiceCheck.ExternalName, service.TypeNode!.Span,
                $"{service} is of type ExternalName without `externalName`: the API server rejects the Service (spec.externalName: Required value). Set `externalName` to the DNS name the Service stands for (e.g. `db.example.com`), or use another type");
        }
    }

    private static void CheckClusterIPs(ServiceValidity validity, ServiceObject service, bool strict)
    {
        var clusterIP = service.WrittenClusterIP is { Value.Length: > 0 } written ? written : null;
        var listed = service.ClusterIPs;
        var count = validity.Rejections(ServiceCheck.ClusterIP).Count;
        void Reject(SourceSpan span, string what, string error, string fix) => validity.Add(ServiceCheck.ClusterIP, span,
            $"{service}: {what}: the API server rejects the Service ({error}). {fix}");

        if (clusterIP is not null && listed.Count > 0 && listed[0].Value != clusterIP.Value)
        {
            Reject(listed[0].Span, $"`clusterIPs[0]` ({listed[0].Value}) differs from `clusterIP` ({clusterIP.Value})", $"spec.clusterIPs: Invalid value: {List(listed)}: first value must match `clusterIP`",
                "Write the same address first in `clusterIPs` as in `clusterIP` (or leave out `clusterIPs` for a single-stack Service)");
        }
        else if (clusterIP is null && listed.Count > 0)
        {
            Reject(listed[0].Span, "`clusterIPs` is set without `clusterIP`", $"spec.clusterIPs: Invalid value: {List(listed)}: must be empty when `clusterIP` is not specified",
                $"Set `clusterIP: {listed[0].Value}` too (the first value of `clusterIPs`), or remove `clusterIPs` to let the cluster allocate");
        }

        // After the strategy's normalisation (clusterIPs = [clusterIP] when only clusterIP is written).
        var ips = listed.Count > 0 ? listed : clusterIP is null ? [] : new[] { clusterIP };
        var path = listed.Count > 0 ? "spec.clusterIPs" : "spec.clusterIP";
        var invalid = false;
        var addresses = new List<(ScalarNode Node, Cidr Address)>();
        for (var i = 0; i < ips.Count; i++)
        {
            var ip = ips[i];
            if (i == 0 && ip.Value == "None")
            {
                if (ips.Count > 1)
                {
                    invalid = true;
                    Reject(ip.Span, "`None` is listed with addresses in `clusterIPs`", $"spec.clusterIPs: Invalid value: {List(ips)}: 'None' must be the first and only value",
                        "For a headless Service write only `clusterIP: None` (and `clusterIPs: [None]`); otherwise list the addresses without `None`");
                }

                continue;
            }

            var itemPath = listed.Count > 0 ? $"{path}[{i}]" : "spec.clusterIPs[0]";
            if (AddressProblem(ip.Value, strict) is { } problem)
            {
                invalid = true;
                Reject(ip.Span, $"cluster IP \"{ip.Value}\" is not {(problem.Malformed ? "an IP address" : "a valid IP address")}", $"{itemPath}: Invalid value: \"{ip.Value}\": {problem.Reason}",
                    problem.Malformed
                        ? string.Equals(ip.Value, "None", StringComparison.OrdinalIgnoreCase) ? "Write `None` (capital N, as the only value) for a headless Service" : "Write an address of the cluster's service range (four numbers 0-255 for IPv4), `None` for a headless Service, or leave `clusterIP` out to let the cluster choose"
                        : $"Write it as `{problem.Canonical}`");
            }
            else
            {
                addresses.Add((ip, Cidr.ParseAddress(ip.Value)!.Value));
            }
        }

        if (ips.Count > 2)
        {
            Reject(ips[2].Span, $"`clusterIPs` lists {ips.Count} values", $"spec.clusterIPs: Invalid value: {List(ips)}: may only hold up to 2 values",
                "A Service has at most one address per IP family: keep one IPv4 and one IPv6 address");
        }

        if (!invalid && addresses.Count == 2 && addresses[0].Address.IsIPv4 == addresses[1].Address.IsIPv4)
        {
            Reject(addresses[1].Node.Span, "`clusterIPs` lists two addresses of one family", $"spec.clusterIPs: Invalid value: {List(ips)}: may specify no more than one IP for each IP family",
                "A dual-stack Service has one IPv4 and one IPv6 address; remove one of them");
        }

        if (!invalid)
        {
            for (var i = 0; i < Math.Min(addresses.Count, service.IpFamilies.Count); i++)
            {
                var family = service.IpFamilies[i].Value;
                if (family is "IPv4" or "IPv6" && (family == "IPv4") != addresses[i].Address.IsIPv4)
                {
                    Reject(addresses[i].Node.Span, $"cluster IP {addresses[i].Node.Value} is not of the family `ipFamilies[{i}]` names ({family})",
                        $"spec.clusterIPs[{i}]: Invalid value: \"{addresses[i].Node.Value}\": expected an {family} value as indicated by `ipFamilies[{i}]`",
                        "List the families in the order of the addresses, or the addresses in the order of the families");
                }
            }
        }

        if (validity.Rejections(ServiceCheck.ClusterIP).Count > count)
        {
            validity.LeaveOut(ServiceFields.ClusterIP);
        }
    }

    private static void CheckFamilies(ServiceValidity validity, ServiceObject service)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < service.IpFamilies.Count; i++)
        {
            var family = service.IpFamilies[i];
            if (Array.IndexOf(Families, family.Value) < 0)
            {
                var near = Nearest(family.Value, Families);
                validity.Add(ServiceCheck.IpFamily, family.Span,
                    $"{service}: IP family \"{family.Value}\" is not supported: the API server rejects the Service ({Unsupported($"spec.ipFamilies[{i}]", family.Value, Families)}). {(near is null ? "Write `IPv4` or `IPv6`" : $"Write `{near}` (case-sensitive)")}");
            }

            if (!seen.Add(family.Value))
            {
                validity.Add(ServiceCheck.IpFamily, family.Span,
                    $"{service}: IP family {family.Value} is listed twice: the API server rejects the Service (spec.ipFamilies[{i}]: Duplicate value: \"{family.Value}\"). List each family once: one for single-stack, `IPv4` and `IPv6` for dual-stack");
            }
        }

        if (service.IpFamilyPolicyNode is not { } policy)
        {
            return;
        }

        if (Array.IndexOf(FamilyPolicies, policy.Value) < 0)
        {
            var fix = Nearest(policy.Value, FamilyPolicies) is { } near
                ? $"Did you mean `{near}`? The value is case-sensitive"
                : "Use `SingleStack` (one family), `PreferDualStack` (two where the cluster has them) or `RequireDualStack` (two, or fail)";
            validity.Add(ServiceCheck.IpFamily, policy.Span,
                $"{service}: ipFamilyPolicy \"{policy.Value}\" is not supported: the API server rejects the Service ({Unsupported("spec.ipFamilyPolicy", policy.Value, FamilyPolicies)}). {fix}");
        }
        else if (policy.Value == "SingleStack" && service.IpFamilies.Count == 2)
        {
            validity.Add(ServiceCheck.IpFamily, policy.Span,
                $"{service}: `ipFamilyPolicy: SingleStack` with two `ipFamilies`: the API server's allocator refuses the Service (spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified). Use `PreferDualStack` or `RequireDualStack` for two families, or list one family");
        }
    }

    private static void CheckPorts(ServiceValidity validity, ServiceObject service)
    {
        // Headless after normalisation: clusterIPs is exactly [None].
        var headless = service.ClusterIPs.Count > 0
            ? service.ClusterIPs is [{ Value: "None" }]
            : service.WrittenClusterIP?.Value == "None";
        if (service.HasPorts || headless || service.TypeNode?.Value == "ExternalName" || TypeRejected(service))
        {
            return;
        }

        validity.Add(ServiceCheck.Ports, service.SpecKey?.Span ?? service.NameSpan,
            $"{service} has no `ports`: the API server rejects the Service (spec.ports: Required value). List the ports clients connect to (`- port: 80` with the pods' `targetPort`); only a headless (`clusterIP: None`) or ExternalName Service may have none");
    }

    private static void CheckSessionAffinity(ServiceValidity validity, ServiceObject service)
    {
        var affinity = service.SessionAffinityNode is { Value.Length: > 0 } written ? written.Value : "None";
        if (Array.IndexOf(Affinities, affinity) < 0)
        {
            var fix = Nearest(affinity, Affinities) is { } near ? $"Did you mean `{near}`? The value is case-sensitive" : "Use `ClientIP` to send each client to the same pod, or `None` (the default)";
            validity.Add(ServiceCheck.SessionAffinity, service.SessionAffinityNode!.Span,
                $"{service}: sessionAffinity \"{affinity}\" is not supported: the API server rejects the Service ({Unsupported("spec.sessionAffinity", affinity, Affinities)}). {fix}");
        }
        else if (affinity == "ClientIP" && service.AffinityTimeout is { } timeout && timeout.Value is <= 0 or > MaxAffinitySeconds)
        {
            validity.Add(ServiceCheck.SessionAffinity, timeout.Node.Span,
                $"{service}: sessionAffinityConfig.clientIP.timeoutSeconds {timeout.Value} is out of range: the API server rejects the Service (spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: {timeout.Value}: must be greater than 0 and less than {MaxAffinitySeconds}). Use 1 to 86400 seconds (86400 is accepted), or leave it out for the default 10800 (3 hours)");
        }
        else if (affinity == "None" && service.SessionAffinityConfigKey is { } config)
        {
            var why = service.SessionAffinityNode is null ? "`sessionAffinity` is not set (None)" : "`sessionAffinity` is None";
            validity.Drop(config.Span,
                $"{service} sets `sessionAffinityConfig` but {why}: the API server drops the config silently when it defaults the Service, and clients are not kept on one pod. Add `sessionAffinity: ClientIP` for sticky sessions, or remove `sessionAffinityConfig`");
        }
    }

    private static void CheckExternalIPs(ServiceValidity validity, ServiceObject service, bool strict)
    {
        for (var i = 0; i < service.WrittenExternalIPs.Count; i++)
        {
            var item = service.WrittenExternalIPs[i];
            string? reason;
            string fix;
            if (AddressProblem(item.Value, strict) is { } problem)
            {
                reason = problem.Reason;
                fix = problem.Malformed
                    ? "`externalIPs` holds addresses of the nodes' network that route to the cluster, not host names; resolve the name and write its address, or use a LoadBalancer Service"
                    : $"Write it as `{problem.Canonical}`";
            }
            else
            {
                var address = Cidr.ParseAddress(item.Value)!.Value;
                reason = SpecialRanges.Where(r => r.Ranges.Any(range => range.Contains(address))).Select(r => string.Format(System.Globalization.CultureInfo.InvariantCulture, r.Reason, item.Value)).FirstOrDefault();
                fix = "kube-proxy cannot route such an address to the Service; write an address of the nodes' network that reaches the cluster";
            }

            if (reason is null)
            {
                continue;
            }

            validity.RejectExternalIP(item);
            validity.Add(ServiceCheck.ExternalIPs, item.Span,
                $"{service}: external IP \"{item.Value}\" is refused: the API server rejects the Service (spec.externalIPs[{i}]: Invalid value: \"{item.Value}\": {reason}). {fix}");
        }
    }

    private static void CheckLoadBalancerFields(ServiceValidity validity, ServiceObject service, bool strict)
    {
        var annotation = service.SourceRangesAnnotationPair;
        var annotationPath = $"metadata.annotations[{ServiceObject.SourceRangesAnnotation}]";
        if (!TypeRejected(service) && service.Type != "LoadBalancer")
        {
            var type = service.TypeNode is null ? "type ClusterIP (the default)" : $"type {service.Type}";
            void Forbid(SourceSpan span, string field, string path) => validity.Add(ServiceCheck.LoadBalancer, span,
                $"{service} of {type} sets {field}: the API server rejects the Service ({path}: Forbidden: may only be used when `type` is 'LoadBalancer'). Remove it, or make the Service `type: LoadBalancer`");

            if (service.SourceRangesKey is { } ranges)
            {
                Forbid(ranges.Span, "`loadBalancerSourceRanges`", "spec.LoadBalancerSourceRanges");
            }
            else if (annotation is { } pair)
            {
                Forbid(pair.Key.Span, $"the annotation {ServiceObject.SourceRangesAnnotation}", annotationPath);
            }

            if (service.AllocateNodePortsKey is { } allocate)
            {
                Forbid(allocate.Span, "`allocateLoadBalancerNodePorts`", "spec.allocateLoadBalancerNodePorts");
            }

            if (service.LoadBalancerClassKey is { } loadBalancerClass)
            {
                Forbid(loadBalancerClass.Span, "`loadBalancerClass`", "spec.loadBalancerClass");
            }
        }
        else if (service.LoadBalancerClass is { } lbClass && NameValidation.QualifiedName(lbClass.Value) is { Count: > 0 } errors)
        {
            validity.Add(ServiceCheck.LoadBalancer, lbClass.Span,
                $"{service}: the API server rejects the Service (spec.loadBalancerClass: Invalid value: \"{lbClass.Value}\": {string.Join("; ", errors)}). Write the class as a domain-prefixed name such as `example.com/internal-vip`, as the load balancer implementation documents it");
        }

        if (service.SourceRanges.Count > 0)
        {
            for (var i = 0; i < service.SourceRanges.Count; i++)
            {
                CheckSourceRange(validity, service, service.SourceRanges[i], service.SourceRanges[i].Value.Trim(), $"spec.LoadBalancerSourceRanges[{i}]", strict);
            }
        }
        else if (annotation is { } pair && pair.Value.Value.Trim().Length > 0)
        {
            foreach (var entry in pair.Value.Value.Trim().Split(','))
            {
                CheckSourceRange(validity, service, pair.Value, entry.Trim(), annotationPath, strict);
            }
        }
    }

    private static void CheckSourceRange(ServiceValidity validity, ServiceObject service, ScalarNode node, string range, string path, bool strict)
    {
        string? reason = null;
        var fix = "Write each range as `address/prefix`, e.g. `203.0.113.0/24` (a single address as `/32`)";
        if (Cidr.Parse(range) is not { } cidr)
        {
            reason = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";
        }
        else if (strict && Cidr.StrictProblem(range) is { } problem)
        {
            reason = problem;
            fix = $"Write it as `{cidr.Canonical()}`";
        }

        if (reason is not null)
        {
            validity.Add(ServiceCheck.LoadBalancer, node.Span,
                $"{service}: source range \"{range}\" is not a CIDR: the API server rejects the Service ({path}: Invalid value: \"{range}\": {reason}). {fix}");
        }
    }

    private static void CheckTrafficPolicies(ServiceValidity validity, ServiceObject service)
    {
        var policy = service.WrittenExternalTrafficPolicy is { Value.Length: > 0 } written ? written : null;
        if (!TypeRejected(service))
        {
            // ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with externalIPs (as written: validation reads the spec).
            var accessible = service.Type is "NodePort" or "LoadBalancer" || (service.Type is "ClusterIP" or "" && service.WrittenExternalIPs.Count > 0);
            if (policy is not null && !accessible)
            {
                validity.LeaveOut(ServiceFields.ExternalTrafficPolicy);
                var what = service.Type == "ExternalName" ? "an ExternalName Service" : "a ClusterIP Service without `externalIPs`";
                validity.Add(ServiceCheck.TrafficPolicy, policy.Span,
                    $"{service} is {what}, which no client outside the cluster reaches, and sets `externalTrafficPolicy`: the API server rejects the Service (spec.externalTrafficPolicy: Invalid value: \"{policy.Value}\": may only be set for externally-accessible services). Remove it, or use `internalTrafficPolicy: {policy.Value}` for traffic from inside the cluster");
            }
            else if (policy is not null && Array.IndexOf(Policies, policy.Value) < 0)
            {
                validity.LeaveOut(ServiceFields.ExternalTrafficPolicy);
                validity.Add(ServiceCheck.TrafficPolicy, policy.Span,
                    $"{service}: externalTrafficPolicy \"{policy.Value}\" is not supported: the API server rejects the Service ({Unsupported("spec.externalTrafficPolicy", policy.Value, Policies)}). {PolicyFix(policy.Value)}");
            }

            var needsHealthCheck = service.Type == "LoadBalancer" && policy?.Value == "Local";
            if (service.HealthCheckNodePort is { Value: not 0 } healthCheck)
            {
                if (!needsHealthCheck)
                {
                    validity.Add(ServiceCheck.TrafficPolicy, healthCheck.Node.Span,
                        $"{service} sets `healthCheckNodePort` without being a LoadBalancer with `externalTrafficPolicy: Local`: the API server rejects the Service (spec.healthCheckNodePort: Invalid value: {healthCheck.Value}: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'). Remove it: only a load balancer polls it, to find the nodes with local endpoints");
                }
                else if (NameValidation.PortNumber(healthCheck.Value) is { Count: > 0 } errors)
                {
                    validity.Add(ServiceCheck.TrafficPolicy, healthCheck.Node.Span,
                        $"{service}: healthCheckNodePort {healthCheck.Value} is not a port: the API server rejects the Service (spec.healthCheckNodePort: Invalid value: {healthCheck.Value}: {string.Join("; ", errors)}). Leave it out to let the cluster allocate one, or pick a free node port");
                }
            }
        }

        if (service.InternalTrafficPolicyNode is { } internalPolicy && Array.IndexOf(Policies, internalPolicy.Value) < 0)
        {
            validity.Add(ServiceCheck.TrafficPolicy, internalPolicy.Span,
                $"{service}: internalTrafficPolicy \"{internalPolicy.Value}\" is not supported: the API server rejects the Service ({Unsupported("spec.internalTrafficPolicy", internalPolicy.Value, Policies)}). {PolicyFix(internalPolicy.Value)}");
        }
    }

    private static string PolicyFix(string value) => Nearest(value, Policies) is { } near
        ? $"Did you mean `{near}`? The value is case-sensitive"
        : "Use `Cluster` (the default: any ready endpoint) or `Local` (only endpoints on the receiving node)";

    private sealed record AddressProblemInfo(string Reason, bool Malformed, string? Canonical);

    /// <summary>Why the API server refuses the address (<c>IsValidIPForLegacyField</c>; strictly from <see cref="PolicyChecks.StrictCidrSince"/>), or null.</summary>
    private static AddressProblemInfo? AddressProblem(string value, bool strict)
    {
        if (Cidr.ParseAddress(value) is not { } address)
        {
            return new AddressProblemInfo("must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)", true, null);
        }

        if (strict && Cidr.StrictAddressProblem(value) is { } reason)
        {
            var canonical = address.Canonical();
            return new AddressProblemInfo(reason, false, canonical.Substring(0, canonical.IndexOf('/')));
        }

        return null;
    }

    private static string? Nearest(string value, string[] supported) =>
        supported.FirstOrDefault(s => string.Equals(s, value, StringComparison.OrdinalIgnoreCase));

    private static string Unsupported(string path, string value, string[] supported) =>
        $"{path}: Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}";

    private static string List(IReadOnlyList<ScalarNode> items) => $"[]string{{{string.Join(", ", items.Select(i => $"\"{i.Value}\""))}}}";

    private static Cidr[] Blocks(params string[] blocks) => blocks.Select(b => Cidr.Parse(b)!.Value).ToArray();
}
