using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>What the cluster would look like with the input applied, indexed once for the rules.</summary>
public sealed class ClusterSnapshot
{
    // Most keys have one object: an array of one is one object where a list is two (a key with several is copied once more).
    // The tables per object are sized once: grown step by step, a table of 100,000 entries leaves large arrays behind.
    private readonly Dictionary<ObjectKey, KubeObject[]> _byKey;
    private readonly Dictionary<(string Namespace, string Name), ServiceObject[]> _services;
    private readonly Dictionary<string, List<ServiceObject>> _servicesByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ServiceObject>> _servicesByName = new(StringComparer.Ordinal);
    private readonly HashSet<(string Namespace, string Service)> _manualEndpoints = [];
    private readonly HashSet<string> _namespacesWithEndpoints = new(StringComparer.Ordinal);
    private readonly HashSet<string> _declaredNamespaces = new(StringComparer.Ordinal);
    private readonly HashSet<string> _namespacesOfObjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _workloadsPerNamespace = new(StringComparer.Ordinal);
    // By the position of the Service or template in Services and PodTemplates: rules ask for them by the hundred
    // thousand, and a hash of each object was a noticeable part of the rules' time.
    private readonly Positions<ServiceObject> _servicePositions;
    private readonly ServiceResolution[] _resolutions;
    private readonly PodValidity[] _podValidity;
    private readonly ServiceValidity[] _serviceValidity;
    private readonly Dictionary<(string Namespace, string Name), ConfigMapObject[]> _configMaps = [];
    private readonly Lazy<Dns.ClusterDns> _dns;
    private readonly Lazy<Dns.NameReferences> _names;
    private readonly Lazy<Dictionary<string, SourceFile>> _filesByPath;
    private readonly Lazy<ServedPorts> _served;
    private readonly Lazy<IngressRouting> _ingress;
    private readonly Lazy<GatewayRouting> _gatewayRouting;
    private readonly Lazy<TrafficEntries> _entries;
    private readonly Lazy<NamespaceLabels> _namespaceLabels;
    private readonly Lazy<NetworkPolicies> _policies;
    private readonly Lazy<Dependencies> _dependencies;
    private readonly Lazy<EntryProxies> _entryProxies;
    private readonly Lazy<AlternativeFolders> _alternatives;
    private readonly Lazy<PolicyDefects> _policyDefects;

    public ClusterSnapshot(IReadOnlyList<SourceFile> files, IReadOnlyList<KubeObject> objects, SimulationOptions options)
    {
        Files = files;
        Objects = objects;
        Options = options;
        // Built on first use; rules run in parallel, so each is built once, by the first thread that needs it.
        _served = new(() => new ServedPorts(this));
        _ingress = new(() => new IngressRouting(this));
        _gatewayRouting = new(() => new GatewayRouting(this));
        _entries = new(() => new TrafficEntries(this));
        _namespaceLabels = new(() => new NamespaceLabels(this));
        _policies = new(() => new NetworkPolicies(this));
        _policyDefects = new(() => new PolicyDefects(this));
        _dependencies = new(() => new Dependencies(this));
        _entryProxies = new(() => new EntryProxies(this));
        _alternatives = new(() => new AlternativeFolders(this));
        _dns = new(() => new Dns.ClusterDns(this));
        _names = new(() => new Dns.NameReferences(this, Dns));
        _filesByPath = new(() => files.ToDictionary(f => f.Path, StringComparer.Ordinal));
        Services = objects.OfType<ServiceObject>().ToList();
        Workloads = objects.OfType<WorkloadObject>().ToList();
        PodTemplates = Workloads.Where(w => w.Template is not null).Select(w => w.Template!).ToList();
        PodPositions = new(PodTemplates, pod => pod.Position, (pod, at) => pod.Position = at);
        _servicePositions = new(Services, service => service.Position, (service, at) => service.Position = at);

        // The label index reads only the templates' labels: it is built on another core beside the tables and the validation.
        var labels = Task.Run(() => new LabelIndex(PodTemplates));
        if (objects.Any(o => o is NetworkPolicyObject))
        {
            // The policies' index and their pods' endpoints read only the objects and the options: with policies in the
            // input, the rules will need them, and they are built where the cores wait on the validation and the resolution.
            _ = Task.Run(() => _policies.Value);
        }

        _byKey = new(objects.Count);
        _services = new(Services.Count);
        foreach (var obj in objects)
        {
            Append(_byKey, obj.Key, obj);
            _namespacesOfObjects.Add(obj.Namespace);
            switch (obj)
            {
                case WorkloadObject { Template: not null } workload:
                    _workloadsPerNamespace[workload.Namespace] = _workloadsPerNamespace.TryGetValue(workload.Namespace, out var n) ? n + 1 : 1;
                    break;
                case NamespaceObject ns:
                    _declaredNamespaces.Add(ns.Name);
                    break;
                case ConfigMapObject configMap:
                    Append(_configMaps, (configMap.Namespace, configMap.Name), configMap);
                    break;
                case EndpointsObject endpoints:
                    _namespacesWithEndpoints.Add(endpoints.Namespace);
                    if (endpoints.ServiceName.Length > 0)
                    {
                        _manualEndpoints.Add((endpoints.Namespace, endpoints.ServiceName));
                    }

                    break;
                case ServiceObject service:
                    Append(_services, (service.Namespace, service.Name), service);
                    (_servicesByNamespace.TryGetValue(service.Namespace, out var inNamespace) ? inNamespace : _servicesByNamespace[service.Namespace] = []).Add(service);
                    (_servicesByName.TryGetValue(service.Name, out var named) ? named : _servicesByName[service.Name] = []).Add(service);
                    break;
            }
        }

        // Each pod and each Service is validated on its own: in parallel, then indexed in input order.
        _podValidity = Cores.Map(PodTemplates, pod => PodValidation.Check(pod.Spec, options.KubernetesVersion));
        _serviceValidity = Cores.Map(Services, service =>
        {
            // Before anything reads the Services: what the API server rejects takes part in nothing (ground rule 4).
            var validity = ServiceValidation.Check(service, options.KubernetesVersion);
            service.LeaveOut(validity.LeftOut, validity.RejectedExternalIPs);
            return validity;
        });
        Labels = labels.GetAwaiter().GetResult();
        // A Service selects pods of its own namespace only: each namespace's Services resolve on their own, in
        // parallel, with a resolver each (what a resolver shares between Services is per namespace anyway).
        var resolved = Cores.Map(_servicesByNamespace.Values.ToList(), inNamespace =>
        {
            var resolver = new ServiceResolver(Labels);
            return inNamespace.Select(resolver.Resolve).ToList();
        });
        _resolutions = new ServiceResolution[Services.Count];
        foreach (var resolution in resolved.SelectMany(r => r))
        {
            // A Service listed twice (one object given twice) is looked up at its last place, where its position points.
            _resolutions[resolution.Service.Position] = resolution;
        }

        NodePorts = new NodePortAllocation(Services, options.NodePortRange);
    }

    private static void Append<TKey, T>(Dictionary<TKey, T[]> index, TKey key, T item)
        where TKey : notnull =>
        index[key] = index.TryGetValue(key, out var items) ? [.. items, item] : [item];

    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>The files by path, made once for the name references, the fingerprints and the reports.</summary>
    internal IReadOnlyDictionary<string, SourceFile> FilesByPath => _filesByPath.Value;

    public IReadOnlyList<KubeObject> Objects { get; }

    public SimulationOptions Options { get; }

    public IReadOnlyList<ServiceObject> Services { get; }

    public IReadOnlyList<WorkloadObject> Workloads { get; }

    public IReadOnlyList<PodTemplate> PodTemplates { get; }

    /// <summary>Where <see cref="PodTemplates"/> lists each template: what tables of values per template are indexed by.</summary>
    internal Positions<PodTemplate> PodPositions { get; }

    public LabelIndex Labels { get; }

    public NodePortAllocation NodePorts { get; }

    /// <summary>Objects of the input with this identity, in input order.</summary>
    public IReadOnlyList<KubeObject> Find(ObjectKey key) => _byKey.TryGetValue(key, out var list) ? list : Array.Empty<KubeObject>();

    /// <summary>The input's Services in a namespace, in input order.</summary>
    public IReadOnlyList<ServiceObject> ServicesIn(string ns) => _servicesByNamespace.TryGetValue(ns, out var list) ? list : Array.Empty<ServiceObject>();

    /// <summary>The input's Services with this name, in any namespace, in input order.</summary>
    public IReadOnlyList<ServiceObject> ServicesNamed(string name) => _servicesByName.TryGetValue(name, out var list) ? list : Array.Empty<ServiceObject>();

    /// <summary>The Service with this name; of copies in several folders, the one closest to <paramref name="nearFolder"/>.</summary>
    public ServiceObject? FindService(string ns, string name, string nearFolder = "") =>
        _services.TryGetValue((ns, name), out var all) ? ApplyUnits.Closest(all, s => s.ApplyUnit, nearFolder)[0] : null;

    /// <summary>
    /// The input owns this namespace, so that what is not in the input is not in the namespace: a Namespace object
    /// declares it, or the input deploys workloads (pod templates) there. Services, ConfigMaps and the like alone do
    /// not: Helm releases and operators deploy into shared namespaces such as <c>monitoring</c> too. With
    /// <paramref name="besides"/>, that workload alone does not make its namespace owned (a lone StatefulSet says
    /// nothing about the Services next to it). A namespace the configuration lists as external is never owned.
    /// </summary>
    public bool OwnsNamespace(string ns, KubeObject? besides = null) =>
        !Options.ExternalNamespaces.Contains(ns) &&
        (_declaredNamespaces.Contains(ns) ||
        (_workloadsPerNamespace.TryGetValue(ns, out var count) && count > (besides is WorkloadObject { Template: not null } && besides.Namespace == ns ? 1 : 0)));

    /// <summary>A Namespace object of the input declares this namespace (and the configuration does not call it external).</summary>
    public bool DeclaresNamespace(string ns) => !Options.ExternalNamespaces.Contains(ns) && _declaredNamespaces.Contains(ns);

    /// <summary>Some object of the input lives in this namespace, or a Namespace object declares it: the namespace exists.</summary>
    public bool HasNamespace(string ns) => _declaredNamespaces.Contains(ns) || _namespacesOfObjects.Contains(ns);

    /// <summary>Namespaces other than <paramref name="except"/> with a Service of that name in the input, sorted.</summary>
    public IReadOnlyList<string> NamespacesWithService(string name, string except) =>
        ServicesNamed(name).Where(s => s.Namespace != except).Select(s => s.Namespace)
            .Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>StatefulSets with a <c>serviceName</c>, and the governing Service it names when the input has it.</summary>
    public IEnumerable<(WorkloadObject StatefulSet, ServiceObject? Service)> GoverningServices =>
        Workloads
            .Where(w => w.Kind == "StatefulSet" && w.ServiceNameNode is { Value.Length: > 0 })
            .Select(s => (s, FindService(s.Namespace, s.ServiceNameNode!.Value, s.ApplyUnit)));

    /// <summary>The configuration declares this Service as existing in the cluster.</summary>
    public bool IsConfiguredService(string ns, string name) => Options.Services.Any(s => s.Namespace == ns && s.Name == name);

    /// <summary>Endpoints or an EndpointSlice for this Service are part of the input.</summary>
    public bool HasManualEndpoints(ServiceObject service) => _manualEndpoints.Contains((service.Namespace, service.Name));

    /// <summary>The input writes Endpoints or EndpointSlices by hand in this namespace (for any Service, or for none).</summary>
    public bool WritesEndpointsIn(string ns) => _namespacesWithEndpoints.Contains(ns);

    public ServiceResolution Resolve(ServiceObject service) => _resolutions[_servicePositions.Of(service)];

    /// <summary>What the API server rejects in the pod's DNS and network fields, and the DNS settings in effect without it.</summary>
    public PodValidity Validity(PodTemplate pod) => _podValidity[PodPositions.Of(pod)];

    /// <summary>What the API server rejects in the Service (KL801–KL809); the simulation has left those fields out.</summary>
    public ServiceValidity Validity(ServiceObject service) => _serviceValidity[_servicePositions.Of(service)];

    /// <summary>The Service's selector matches the template's pods (in any folder; labels the controller adds included).</summary>
    public bool Selects(ServiceObject service, PodTemplate pod) =>
        service.HasSelector && !service.IsExternalName &&
        string.Equals(pod.Namespace, service.Namespace, StringComparison.Ordinal) && LabelIndex.CarriesAll(pod, service.SelectorPairs);

    /// <summary>
    /// The ConfigMaps of the input that <paramref name="container"/> of <paramref name="pod"/> reads, and how: all keys
    /// as variables (<c>envFrom[].configMapRef</c>), one key as a variable (<c>env[].valueFrom.configMapKeyRef</c>), or
    /// all keys as files of a volume it mounts (<c>volumes[].configMap</c>, <c>projected</c> sources; <c>items</c> is not
    /// modelled, so every key counts). Looked up by name in the pod's namespace; of copies in several folders, those
    /// closest to the pod's folder.
    /// </summary>
    public IEnumerable<ConfigMapUse> ConfigMapsReadBy(PodTemplate pod, Container container)
    {
        foreach (var name in container.EnvFromConfigMaps)
        {
            foreach (var configMap in ConfigMapsNamed(pod, name))
            {
                yield return new ConfigMapUse(configMap, null, ConfigMapVia.EnvFrom);
            }
        }

        foreach (var env in container.Env)
        {
            if (env.ConfigMapName is { } name)
            {
                foreach (var configMap in ConfigMapsNamed(pod, name))
                {
                    yield return new ConfigMapUse(configMap, env.ConfigMapKey, ConfigMapVia.EnvKey);
                }
            }
        }

        foreach (var name in pod.Spec.ConfigMapsMountedBy(container))
        {
            foreach (var configMap in ConfigMapsNamed(pod, name))
            {
                yield return new ConfigMapUse(configMap, null, ConfigMapVia.Volume);
            }
        }
    }

    private IReadOnlyList<ConfigMapObject> ConfigMapsNamed(PodTemplate pod, string name) =>
        _configMaps.TryGetValue((pod.Namespace, name), out var all) ? ApplyUnits.Closest(all, c => c.ApplyUnit, pod.Owner.ApplyUnit) : [];

    /// <summary>The port numbers each pod template evidently listens on besides those it declares; computed per pod on first use.</summary>
    public ServedPorts Served => _served.Value;

    /// <summary>The Ingresses with their effective class and their paths resolved to Services and ports; computed on first use.</summary>
    public IngressRouting Ingress => _ingress.Value;

    /// <summary>The target Kubernetes version serves the object's API version.</summary>
    public bool IsServed(KubeObject obj) => ServedVersions.IsServed(obj, Options.KubernetesVersion);

    /// <summary>Gateway API routes resolved to Gateways, listeners, Services and ReferenceGrants; computed on first use.</summary>
    public GatewayRouting GatewayRouting => _gatewayRouting.Value;

    /// <summary>The Ingress paths and route rules that send traffic to each Service; computed on first use.</summary>
    public TrafficEntries Entries => _entries.Value;

    /// <summary>What namespace selectors can match in each namespace; computed on first use.</summary>
    public NamespaceLabels NamespaceLabels => _namespaceLabels.Value;

    /// <summary>The NetworkPolicies by namespace and the evaluation of connections against them; computed on first use.</summary>
    public NetworkPolicies Policies => _policies.Value;

    /// <summary>The NetworkPolicy parts KL701–KL704 report, which the evaluation counts as unknown; computed on first use.</summary>
    public PolicyDefects PolicyDefects => _policyDefects.Value;

    /// <summary>The connections each pod is configured to make, resolved to pods and pod ports; computed per pod on first use.</summary>
    public Dependencies Dependencies => _dependencies.Value;

    /// <summary>The pods of Ingress controllers and Gateway data planes, where the input or the configuration shows them; computed on first use.</summary>
    public EntryProxies EntryProxies => _entryProxies.Value;

    /// <summary>Which first-level folders of the input are alternatives (each with its own workloads); computed on first use.</summary>
    public AlternativeFolders Alternatives => _alternatives.Value;

    /// <summary>Cluster DNS with the input applied.</summary>
    public Dns.ClusterDns Dns => _dns.Value;

    /// <summary>Every host name the input uses, resolved; computed on first use.</summary>
    public Dns.NameReferences Names => _names.Value;
}
