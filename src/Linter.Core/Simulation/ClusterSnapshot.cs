using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>What the cluster would look like with the input applied, indexed once for the rules.</summary>
public sealed class ClusterSnapshot
{
    private readonly Dictionary<ObjectKey, List<KubeObject>> _byKey = [];
    private readonly Dictionary<(string Namespace, string Name), ServiceObject> _services = [];
    private readonly HashSet<(string Namespace, string Service)> _manualEndpoints = [];
    private readonly HashSet<string> _knownNamespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<ServiceObject, ServiceResolution> _resolutions = [];

    public ClusterSnapshot(IReadOnlyList<SourceFile> files, IReadOnlyList<KubeObject> objects, SimulationOptions options)
    {
        Files = files;
        Objects = objects;
        Options = options;
        Services = objects.OfType<ServiceObject>().ToList();
        Workloads = objects.OfType<WorkloadObject>().ToList();
        PodTemplates = Workloads.Where(w => w.Template is not null).Select(w => w.Template!).ToList();
        foreach (var obj in objects)
        {
            var list = _byKey.TryGetValue(obj.Key, out var l) ? l : _byKey[obj.Key] = [];
            list.Add(obj);
            _knownNamespaces.Add(obj.Namespace);
            switch (obj)
            {
                case NamespaceObject ns:
                    _knownNamespaces.Add(ns.Name);
                    break;
                case EndpointsObject endpoints when endpoints.ServiceName.Length > 0:
                    _manualEndpoints.Add((endpoints.Namespace, endpoints.ServiceName));
                    break;
                case ServiceObject service when !_services.ContainsKey((service.Namespace, service.Name)):
                    _services[(service.Namespace, service.Name)] = service;
                    break;
            }
        }

        Labels = new LabelIndex(PodTemplates);
        foreach (var service in Services)
        {
            _resolutions[service] = ServiceResolver.Resolve(service, Labels);
        }

        NodePorts = new NodePortAllocation(Services, options.NodePortRange);
    }

    public IReadOnlyList<SourceFile> Files { get; }

    public IReadOnlyList<KubeObject> Objects { get; }

    public SimulationOptions Options { get; }

    public IReadOnlyList<ServiceObject> Services { get; }

    public IReadOnlyList<WorkloadObject> Workloads { get; }

    public IReadOnlyList<PodTemplate> PodTemplates { get; }

    public LabelIndex Labels { get; }

    public NodePortAllocation NodePorts { get; }

    /// <summary>Objects of the input with this identity, in input order.</summary>
    public IReadOnlyList<KubeObject> Find(ObjectKey key) => _byKey.TryGetValue(key, out var list) ? list : [];

    public ServiceObject? FindService(string ns, string name) => _services.TryGetValue((ns, name), out var s) ? s : null;

    /// <summary>The input owns this namespace: an object lives in it or a Namespace object declares it.</summary>
    public bool IsKnownNamespace(string ns) => _knownNamespaces.Contains(ns);

    /// <summary>Endpoints or an EndpointSlice for this Service are part of the input.</summary>
    public bool HasManualEndpoints(ServiceObject service) => _manualEndpoints.Contains((service.Namespace, service.Name));

    public ServiceResolution Resolve(ServiceObject service) => _resolutions[service];
}
