using System.Net;
using System.Text.RegularExpressions;
using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation.Dns;

/// <summary>
/// Cluster DNS as a pod sees it (reference/kubernetes-semantics.md section 3): the search list
/// <c>&lt;ns&gt;.svc.&lt;domain&gt;</c>, <c>svc.&lt;domain&gt;</c>, <c>&lt;domain&gt;</c> with ndots 5, tried in order,
/// against Services, headless pod records and ExternalName aliases, plus the built-in Services.
/// </summary>
public sealed partial class ClusterDns
{
    private const int Ndots = 5;
    private static readonly Regex OrdinalName = new(@"^(?<set>.+)-(?<ordinal>\d+)$");

    private static readonly BuiltInService[] EveryCluster =
    [
        new("default", "kubernetes", [443]),
        new("kube-system", "kube-dns", [53, 9153]),
    ];

    private readonly IReadOnlyList<BuiltInService> _builtIns;

    private readonly ClusterSnapshot _snapshot;
    private readonly string _domain;
    private readonly Dictionary<(string Namespace, string Service), List<WorkloadObject>> _statefulSets = [];
    private readonly HashSet<(string Namespace, string Name)> _autoscaled = [];
    private readonly Dictionary<IPAddress, List<ServiceObject>> _byClusterIP = [];
    private readonly Dictionary<(string Namespace, string Subdomain), List<PodTemplate>> _bySubdomain = [];

    public ClusterDns(ClusterSnapshot snapshot)
    {
        _snapshot = snapshot;
        Corefile = CorefileZone.In(snapshot);
        var configured = snapshot.Options.ClusterDomain.Trim('.').ToLowerInvariant();
        _domain = snapshot.Options.ClusterDomainConfigured || Corefile is null || Corefile.Zones.Contains(configured) ? configured : Corefile.Zone;
        _builtIns = EveryCluster.Concat(snapshot.Options.Services.Select(s => new BuiltInService(s.Namespace, s.Name, s.Ports, s.Headless, Configured: true))).ToList();
        foreach (var set in snapshot.Workloads.Where(w => w.Kind == "StatefulSet" && w.ServiceNameNode is { Value.Length: > 0 }))
        {
            var key = (set.Namespace, set.ServiceNameNode!.Value);
            (_statefulSets.TryGetValue(key, out var list) ? list : _statefulSets[key] = []).Add(set);
        }

        // A hostname or subdomain the API server rejects (KL814) gives the pod no record.
        foreach (var pod in snapshot.PodTemplates.Where(p => snapshot.Validity(p) is { Subdomain: not null } v && !v.Rejects(PodField.Hostname)))
        {
            var key = (pod.Namespace, snapshot.Validity(pod).Subdomain!.Value);
            (_bySubdomain.TryGetValue(key, out var list) ? list : _bySubdomain[key] = []).Add(pod);
        }

        foreach (var service in snapshot.Services)
        {
            if (service.IsHeadless || service.IsExternalName)
            {
                continue;
            }

            foreach (var ip in service.ClusterIPs)
            {
                AddClusterIP(service, ip);
            }

            AddClusterIP(service, service.ClusterIPNode);
        }

        foreach (var hpa in snapshot.Objects.OfType<AutoscalerObject>().Where(a => a.TargetKind == "StatefulSet"))
        {
            _autoscaled.Add((hpa.Namespace, hpa.TargetName));
        }
    }

    /// <summary>A Service is listed once under each address it declares (in <c>clusterIP</c>, <c>clusterIPs</c> or both).</summary>
    private void AddClusterIP(ServiceObject service, ScalarNode? ip)
    {
        if (ip is null || ParsedAddress(ip.Value) is not { } address)
        {
            return;
        }

        var list = _byClusterIP.TryGetValue(address, out var known) ? known : _byClusterIP[address] = [];
        if (list.Count == 0 || !ReferenceEquals(list[^1], service))
        {
            list.Add(service);
        }
    }

    /// <summary>The cluster domain names are resolved under: the configured one, else the Corefile's zone, else <c>cluster.local</c>.</summary>
    public string Domain => _domain;

    /// <summary>The zone of the CoreDNS configuration in the input, if the input holds it.</summary>
    public CorefileZone? Corefile { get; }

    /// <summary>Services that exist without being in the input: the built-in ones and those the configuration declares.</summary>
    public IReadOnlyList<BuiltInService> BuiltIns => _builtIns;

    /// <summary>The names of a namespace's Services: the input's, the built-in ones and the configured ones.</summary>
    public IEnumerable<string> ServiceNamesIn(string ns) =>
        _snapshot.ServicesIn(ns).Select(s => s.Name).Concat(_builtIns.Where(b => b.Namespace == ns).Select(b => b.Name)).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Resolves <paramref name="name"/> as a pod in <paramref name="fromNamespace"/> would: the first query of
    /// the search list that cluster DNS answers wins. When none does, the answer is that of the name's intended
    /// meaning (see <see cref="IntendedQuery"/>): nothing in a namespace the input owns, a namespace it does not
    /// own, or a name outside the cluster.
    /// </summary>
    public DnsAnswer Resolve(string name, string fromNamespace, IReadOnlyList<string>? extraSearches = null, string fromFolder = "")
    {
        var query = name.ToLowerInvariant();
        var steps = new List<DnsStep>();
        foreach (var fqdn in Candidates(query, fromNamespace, extraSearches ?? []))
        {
            var answer = Lookup(name, fqdn, fromFolder);
            steps.Add(new DnsStep(fqdn, answer.Outcome switch
            {
                DnsOutcome.Service or DnsOutcome.Pod => answer.Describe(),
                DnsOutcome.UnknownNamespace => $"unknown: the input does not own namespace {answer.UnknownNamespace} (no Namespace object, no workloads)",
                DnsOutcome.External => "forwarded to the upstream resolver",
                _ => answer.Miss is null ? "NXDOMAIN" : $"NXDOMAIN: {answer.Miss}",
            }));
            if (answer.Outcome is DnsOutcome.Service or DnsOutcome.Pod)
            {
                return With(answer, steps);
            }
        }

        return IntendedQuery(query, fromNamespace, fromFolder) is { } intended
            ? With(Lookup(name, intended, fromFolder), steps)
            : new DnsAnswer(name, DnsOutcome.External, steps);
    }

    /// <summary>
    /// What an address written in place of a name reaches: the Service of the input that declares it as its
    /// <c>clusterIP</c> (or one of its <c>clusterIPs</c>), else something outside what the input shows.
    /// </summary>
    public DnsAnswer ResolveAddress(string address, string fromFolder = "")
    {
        if (ParsedAddress(address.Trim('[', ']')) is not { } parsed || !_byClusterIP.TryGetValue(parsed, out var services))
        {
            return new DnsAnswer(address, DnsOutcome.External, [new DnsStep(address, "an address no Service of the input declares")]);
        }

        var service = ApplyUnits.Closest(services, s => s.ApplyUnit, fromFolder)[0];
        return new DnsAnswer(address, DnsOutcome.Service, [new DnsStep(address, $"the cluster IP of Service {service.Name} in namespace {service.Namespace}")]) { Service = service };
    }

    /// <summary>
    /// The search list, as glibc applies it with ndots 5: the cluster's three domains, then the pod's
    /// <c>dnsConfig.searches</c>; a trailing dot means the name is absolute.
    /// </summary>
    public IEnumerable<string> Candidates(string name, string fromNamespace, IReadOnlyList<string> extraSearches)
    {
        if (name.EndsWith(".", StringComparison.Ordinal))
        {
            return [name.TrimEnd('.')];
        }

        var searched = new[] { $"{fromNamespace}.svc.{_domain}", $"svc.{_domain}", _domain }
            .Concat(extraSearches.Select(s => s.Trim('.').ToLowerInvariant()))
            .Distinct(StringComparer.Ordinal)
            .Select(s => $"{name}.{s}");
        return name.Count(c => c == '.') >= Ndots ? new[] { name }.Concat(searched) : searched.Concat([name]);
    }

    /// <summary>
    /// The cluster query a name is written to mean, or null when it is not in cluster form: <c>x.ns</c> (ns a
    /// known namespace) and <c>x.ns.svc</c> mean Service x of ns; <c>pod.svc</c> (svc a Service of the pod's own
    /// namespace) and <c>pod.svc.ns.svc</c> mean a pod record; a name ending in <c>.svc.&lt;domain&gt;</c> means
    /// itself. A single label is never in cluster form: unresolved, it may be a host of the node's network.
    /// </summary>
    private string? IntendedQuery(string name, string fromNamespace, string fromFolder)
    {
        var bare = name.TrimEnd('.');
        if (bare.EndsWith(".svc." + _domain, StringComparison.Ordinal))
        {
            return bare;
        }

        var labels = bare.Split('.');
        return labels.Length switch
        {
            2 when Exists(labels[1]) => $"{bare}.svc.{_domain}",
            2 when _snapshot.FindService(fromNamespace, labels[1], fromFolder) is not null => $"{bare}.{fromNamespace}.svc.{_domain}",
            3 or 4 when labels[labels.Length - 1] == "svc" => $"{bare}.{_domain}",
            _ => null,
        };
    }

    /// <summary>
    /// The first label of a name in the pod-record form <c>&lt;x&gt;.&lt;ns&gt;.pod[.&lt;domain&gt;]</c>, ns a namespace of the
    /// cluster; null for any other name. CoreDNS answers such a name only when the label is a pod address written
    /// with dashes (<see cref="HostSyntax.IsDashedAddress"/>).
    /// </summary>
    public string? PodRecordLabel(string name)
    {
        var bare = name.TrimEnd('.').ToLowerInvariant();
        if (bare.EndsWith("." + _domain, StringComparison.Ordinal))
        {
            bare = bare.Substring(0, bare.Length - _domain.Length - 1);
        }

        var labels = bare.Split('.');
        return labels.Length == 3 && labels[2] == "pod" && Exists(labels[1]) ? labels[0] : null;
    }

    /// <summary>A namespace of the input, or one every cluster has: <c>x.ns</c> is a cluster name.</summary>
    private bool Exists(string ns) => _snapshot.HasNamespace(ns) || EveryCluster.Any(b => b.Namespace == ns);

    /// <summary>Lookups in a namespace the input owns are definitive (see <see cref="ClusterSnapshot.OwnsNamespace"/>).</summary>
    private bool IsKnown(string ns) => _snapshot.OwnsNamespace(ns);

    private DnsAnswer Lookup(string name, string fqdn, string fromFolder)
    {
        if (!fqdn.EndsWith("." + _domain, StringComparison.Ordinal))
        {
            return new DnsAnswer(name, DnsOutcome.External, []);
        }

        var labels = fqdn.Substring(0, fqdn.Length - _domain.Length - 1).Split('.');
        if (labels.Length < 3 || labels[labels.Length - 1] != "svc")
        {
            return new DnsAnswer(name, DnsOutcome.NotFound, []);
        }

        var ns = labels[labels.Length - 2];
        return labels.Length switch
        {
            3 => LookupService(name, ns, labels[0], fromFolder),
            4 => LookupPod(name, ns, labels[1], labels[0], fromFolder),
            _ => new DnsAnswer(name, DnsOutcome.NotFound, []),
        };
    }

    private DnsAnswer LookupService(string name, string ns, string service, string fromFolder)
    {
        if (_builtIns.FirstOrDefault(b => b.Namespace == ns && b.Name == service) is { } builtIn)
        {
            return new DnsAnswer(name, DnsOutcome.Service, []) { BuiltIn = builtIn };
        }

        if (_snapshot.FindService(ns, service, fromFolder) is { } found)
        {
            return new DnsAnswer(name, DnsOutcome.Service, []) { Service = found };
        }

        var miss = new DnsMiss(MissKind.Service, ns, service);
        return IsKnown(ns)
            ? new DnsAnswer(name, DnsOutcome.NotFound, []) { Miss = miss }
            : new DnsAnswer(name, DnsOutcome.UnknownNamespace, []) { UnknownNamespace = ns, Miss = miss };
    }

    private DnsAnswer LookupPod(string name, string ns, string serviceName, string hostname, string fromFolder)
    {
        var service = _snapshot.FindService(ns, serviceName, fromFolder);
        if (service is null)
        {
            // Pods that name the missing Service (serviceName, subdomain) are reported there (KL402, KL404).
            var named = _statefulSets.ContainsKey((ns, serviceName)) || _bySubdomain.ContainsKey((ns, serviceName));
            return IsKnown(ns)
                ? new DnsAnswer(name, DnsOutcome.NotFound, []) { Miss = new DnsMiss(MissKind.HeadlessService, ns, serviceName), PodMiss = named ? PodNameMiss.ServiceDefect : null }
                : new DnsAnswer(name, DnsOutcome.UnknownNamespace, []) { UnknownNamespace = ns };
        }

        if (FindPod(service, hostname) is { } pod)
        {
            return new DnsAnswer(name, DnsOutcome.Pod, []) { Pod = pod };
        }

        if (WouldName(service, hostname))
        {
            return new DnsAnswer(name, DnsOutcome.NotFound, [])
            {
                Miss = new DnsMiss(MissKind.Pod, ns, hostname, serviceName),
                PodMiss = PodNameMiss.ServiceDefect,
            };
        }

        var ordinal = OutOfRange(service, hostname);
        if (ordinal is not null && _autoscaled.Contains((ns, ordinal.StatefulSet.Name)))
        {
            return new DnsAnswer(name, DnsOutcome.UnknownNamespace, []) { UnknownNamespace = ns };
        }

        return new DnsAnswer(name, DnsOutcome.NotFound, [])
        {
            Miss = new DnsMiss(MissKind.Pod, ns, hostname, serviceName),
            Ordinal = ordinal,
            PodMiss = ordinal is null && service.IsHeadless && !PublishesPodNames(service) ? PodNameMiss.NoPerPodRecords : PodNameMiss.NoSuchPod,
        };
    }

    /// <summary>
    /// A pod of this name would exist behind the Service, but the Service does not select it: a StatefulSet it governs
    /// with that pod in its range, or a pod whose hostname and subdomain name it.
    /// </summary>
    private bool WouldName(ServiceObject service, string hostname)
    {
        var match = OrdinalName.Match(hostname);
        var governed = match.Success && _statefulSets.TryGetValue((service.Namespace, service.Name), out var sets) &&
                       int.TryParse(match.Groups["ordinal"].Value, out var ordinal) &&
                       sets.Any(s => s.Name == match.Groups["set"].Value && InRange(s, ordinal));
        return governed ||
               (_bySubdomain.TryGetValue((service.Namespace, service.Name), out var pods) &&
                pods.Any(p => string.Equals(_snapshot.Validity(p).Hostname?.Value, hostname, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// Some pod the Service selects gets a per-pod record under it (an endpoint hostname): a StatefulSet pod governed by
    /// it, or a pod with a hostname whose subdomain names it. A Service that selects nothing is left to KL101.
    /// </summary>
    private bool PublishesPodNames(ServiceObject service)
    {
        var selected = _snapshot.Resolve(service).Selected;
        return selected.Count == 0 || selected.Any(pod =>
            (pod.Owner is WorkloadObject { Kind: "StatefulSet" } set && set.ServiceNameNode?.Value == service.Name) ||
            (_snapshot.Validity(pod) is { Hostname: not null, Subdomain: { } subdomain } && subdomain.Value == service.Name));
    }

    /// <summary>Pods that get <c>hostname.service</c> records: StatefulSet pods governed by the Service, and pods whose
    /// hostname and subdomain name it; in both cases the Service must select them (EndpointSlice hostnames).</summary>
    private PodRecord? FindPod(ServiceObject service, string hostname)
    {
        if (_statefulSets.TryGetValue((service.Namespace, service.Name), out var sets))
        {
            foreach (var set in sets.Where(s => s.Template is not null && _snapshot.Selects(service, s.Template)))
            {
                var match = OrdinalName.Match(hostname);
                if (match.Success && match.Groups["set"].Value == set.Name && InRange(set, int.Parse(match.Groups["ordinal"].Value, System.Globalization.CultureInfo.InvariantCulture)))
                {
                    return new PodRecord(hostname, service, set.Template!);
                }
            }
        }

        var pod = _bySubdomain.TryGetValue((service.Namespace, service.Name), out var candidates)
            ? candidates.FirstOrDefault(t => string.Equals(_snapshot.Validity(t).Hostname?.Value, hostname, StringComparison.OrdinalIgnoreCase) && _snapshot.Selects(service, t))
            : null;
        return pod is null ? null : new PodRecord(hostname, service, pod);
    }

    private OrdinalOutOfRange? OutOfRange(ServiceObject service, string hostname)
    {
        var match = OrdinalName.Match(hostname);
        if (!match.Success || !_statefulSets.TryGetValue((service.Namespace, service.Name), out var sets) ||
            !int.TryParse(match.Groups["ordinal"].Value, out var ordinal))
        {
            return null;
        }

        var set = sets.FirstOrDefault(s => s.Name == match.Groups["set"].Value);
        return set is null || InRange(set, ordinal) ? null : new OrdinalOutOfRange(set, ordinal, set.OrdinalsStart, set.OrdinalsStart + Replicas(set) - 1);
    }

    private static IPAddress? ParsedAddress(string text) => IPAddress.TryParse(text, out var address) ? address : null;

    private static int Replicas(WorkloadObject set) => set.Replicas?.Value ?? 1;

    private static bool InRange(WorkloadObject set, int ordinal) => ordinal >= set.OrdinalsStart && ordinal < set.OrdinalsStart + Replicas(set);

    private static DnsAnswer With(DnsAnswer answer, IReadOnlyList<DnsStep> steps) =>
        new(answer.Name, answer.Outcome, steps)
        {
            Service = answer.Service,
            BuiltIn = answer.BuiltIn,
            Pod = answer.Pod,
            Miss = answer.Miss,
            UnknownNamespace = answer.UnknownNamespace,
            Ordinal = answer.Ordinal,
            PodMiss = answer.PodMiss,
        };
}
