using System.Globalization;
using Linter.Core.Model;

namespace Linter.Core.Simulation.Dns;

/// <summary>A record cluster DNS serves (or the absence of one, explained): what <c>kubelint resolve</c> lists.</summary>
internal sealed record DnsRecord(string Name, string Type, string Answer);

public sealed partial class ClusterDns
{
    /// <summary>Ordinals of a StatefulSet listed one by one; the rest are summed up in one line.</summary>
    private const int ListedOrdinals = 3;

    /// <summary>
    /// The records cluster DNS serves for a Service (reference/kubernetes-semantics.md section 3.1): its name (A to the
    /// cluster IP, to every ready pod when headless, CNAME for ExternalName), an SRV record per named port, and the
    /// per-pod names of a headless Service: the pods of the StatefulSets it governs and pods whose hostname and
    /// subdomain name it, as far as it selects them. A headless Service whose pods get none says so.
    /// </summary>
    internal IReadOnlyList<DnsRecord> RecordsOf(ServiceObject service)
    {
        var fqdn = $"{service.Name}.{service.Namespace}.svc.{_domain}";
        if (service.IsExternalName)
        {
            var target = service.ExternalNameNode?.Value ?? string.Empty;
            return [new(fqdn, "CNAME", HostSyntax.IsIpAddress(target) ? $"none: {target} is an address, not a name (KL307)" : target)];
        }

        if (service.ClusterIPUnknown || !service.TypeKnown)
        {
            return [];
        }

        var records = new List<DnsRecord>();
        var selected = _snapshot.Resolve(service).Selected;
        if (!service.IsHeadless)
        {
            records.Add(new(fqdn, "A", service.ClusterIPNode is { Value: var ip } && ip.Length > 0 ? ip : "the cluster IP allocated on creation"));
            records.AddRange(NamedPorts(service, fqdn, port => $"{port.Port?.Value} {fqdn}"));
            return records;
        }

        var owners = string.Join(", ", selected.Select(p => p.Owner.ToString()).Distinct());
        records.Add(new(fqdn, "A", selected.Count > 0 ? $"each ready pod of {owners}"
            : _snapshot.HasManualEndpoints(service) ? "the addresses of the hand-written endpoints" : "none (NXDOMAIN): no endpoints"));
        var podNames = PodNamesOf(service).ToList();
        records.AddRange(podNames.Select(name => new DnsRecord($"{name.Hostname}.{fqdn}", "A", name.Pod)));
        if (podNames.Count == 0 && selected.Count > 0)
        {
            records.Add(new($"<pod>.{fqdn}", "A", $"none: the pods of {owners} have no hostname under this Service (no StatefulSet with serviceName {service.Name}, no pod with hostname and subdomain {service.Name})"));
        }

        records.AddRange(NamedPorts(service, fqdn, port => $"{TargetPorts(service, port)} on each ready pod"));
        return records;
    }

    private static IEnumerable<DnsRecord> NamedPorts(ServiceObject service, string fqdn, Func<ServicePort, string> answer) =>
        service.Ports.Where(p => p.Name is { Length: > 0 } && p.Port is not null)
            .Select(p => new DnsRecord($"_{p.Name}._{p.Protocol.ToLowerInvariant()}.{fqdn}", "SRV", answer(p)));

    /// <summary>The endpoint ports a headless Service's SRV record gives: the target port resolved on each selected pod.</summary>
    private string TargetPorts(ServiceObject service, ServicePort port)
    {
        var numbers = _snapshot.Resolve(service).Ports.Where(p => p.Port == port)
            .SelectMany(p => p.Backends).Select(b => b.TargetNumber).OfType<int>().Distinct().OrderBy(n => n).ToList();
        return numbers.Count == 0
            ? $"port {port.Port?.Value}"
            : "port " + string.Join(" or ", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The hostnames with a record under the Service, with the pod that answers each.</summary>
    private IEnumerable<(string Hostname, string Pod)> PodNamesOf(ServiceObject service)
    {
        var key = (service.Namespace, service.Name);
        foreach (var set in _statefulSets.TryGetValue(key, out var sets) ? sets : [])
        {
            if (set.Template is null || !_snapshot.Selects(service, set.Template))
            {
                continue;
            }

            if (_autoscaled.Contains((set.Namespace, set.Name)))
            {
                yield return ($"{set.Name}-<n>", $"pod <n> of {set} (its replicas are set by a HorizontalPodAutoscaler)");
                continue;
            }

            var last = set.OrdinalsStart + Replicas(set) - 1;
            for (var ordinal = set.OrdinalsStart; ordinal <= Math.Min(last, set.OrdinalsStart + ListedOrdinals - 1); ordinal++)
            {
                yield return ($"{set.Name}-{ordinal.ToString(CultureInfo.InvariantCulture)}", $"pod {set.Name}-{ordinal.ToString(CultureInfo.InvariantCulture)} of {set}");
            }

            if (last >= set.OrdinalsStart + ListedOrdinals)
            {
                yield return ($"{set.Name}-<n>", $"pods {set.Name}-{(set.OrdinalsStart + ListedOrdinals).ToString(CultureInfo.InvariantCulture)} to {set.Name}-{last.ToString(CultureInfo.InvariantCulture)} of {set}");
            }
        }

        foreach (var pod in _bySubdomain.TryGetValue(key, out var pods) ? pods : [])
        {
            if (_snapshot.Validity(pod).Hostname is { } hostname && _snapshot.Selects(service, pod))
            {
                yield return (hostname.Value, pod.Owner.ToString());
            }
        }
    }
}
