using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>
/// Binds a manifest document to a typed object. Type errors, unknown fields and missing required
/// fields become input problems (KL003, KL004, KL006); the object is still bound as far as it can be.
/// </summary>
public static class ObjectBinder
{
    private static readonly HashSet<string> AppsWorkloads = new(StringComparer.Ordinal) { "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet" };

    public static KubeObject Bind(SourceDocument document, string defaultNamespace, List<InputProblem> problems)
    {
        var root = document.Root;
        var apiVersion = ((ScalarNode)root["apiVersion"]!).Value;
        var kind = ((ScalarNode)root["kind"]!).Value;
        var group = apiVersion.IndexOf('/') is var slash and >= 0 ? apiVersion.Substring(0, slash) : string.Empty;
        var known = IsKnownGroup(kind, group);
        var unknownKeysReportedElsewhere = new HashSet<MappingNode>();
        var top = new FieldReader(root, string.Empty, problems, unknownKeysReportedElsewhere);

        KubeObject obj = !known ? new KubeObject(document, apiVersion, kind) : kind switch
        {
            "Service" => BindService(new ServiceObject(document, apiVersion), top),
            "Namespace" => new NamespaceObject(document, apiVersion),
            "ConfigMap" => new ConfigMapObject(document, apiVersion) { Data = top.StringMap("data") ?? [] },
            "Endpoints" => new EndpointsObject(document, apiVersion, kind),
            "EndpointSlice" => new EndpointsObject(document, apiVersion, kind),
            "Ingress" => new IngressObject(document, apiVersion),
            "IngressClass" => new IngressClassObject(document, apiVersion),
            "NetworkPolicy" => new NetworkPolicyObject(document, apiVersion),
            _ when IsWorkload(kind) => new WorkloadObject(document, apiVersion, kind),
            _ => new KubeObject(document, apiVersion, kind),
        };
        if (kind == "HorizontalPodAutoscaler" && group == "autoscaling")
        {
            obj = BindAutoscaler(new AutoscalerObject(document, apiVersion), top);
        }

        obj = GatewayBinder.Create(document, apiVersion, kind, group) ?? obj;
        obj.ApiVersionNode = (ScalarNode)root["apiVersion"]!;
        BindMetadata(obj, top, defaultNamespace, known);
        switch (obj)
        {
            case EndpointsObject { Kind: "Endpoints" } endpoints:
                endpoints.ServiceName = endpoints.Name;
                break;
            case EndpointsObject slice:
                slice.ServiceName = slice.Labels.FirstOrDefault(l => l.Key.Value == "kubernetes.io/service-name").Value?.Value ?? string.Empty;
                break;
            case WorkloadObject workload:
                WorkloadBinder.Bind(workload, top);
                break;
            case IngressObject ingress:
                IngressBinder.Bind(ingress, top);
                break;
            case IngressClassObject ingressClass:
                IngressBinder.Bind(ingressClass, top);
                break;
            case NetworkPolicyObject policy:
                NetworkPolicyBinder.Bind(policy, top);
                break;
            case GatewayObject or GatewayClassObject or RouteObject or ReferenceGrantObject:
                GatewayBinder.Bind(obj, top);
                break;
        }

        if (known && ApiRoots.Of(kind, apiVersion) is { } type)
        {
            UnknownFields.Report(root, type, unknownKeysReportedElsewhere, problems);
        }

        return obj;
    }

    public static bool IsWorkload(string kind) =>
        AppsWorkloads.Contains(kind) || kind is "ReplicationController" or "Job" or "CronJob" or "Pod";

    internal static bool RequiresAppsSelector(KubeObject obj) => AppsWorkloads.Contains(obj.Kind) && obj.ApiVersion == "apps/v1";

    /// <summary>Only the core kinds are modelled; a CRD that happens to be called Service is not.</summary>
    private static bool IsKnownGroup(string kind, string group) => kind switch
    {
        "Service" or "Namespace" or "ConfigMap" or "Endpoints" or "Pod" or "ReplicationController" => group.Length == 0,
        "EndpointSlice" => group == "discovery.k8s.io",
        "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" => group is "apps" or "extensions",
        "Job" or "CronJob" => group == "batch",
        "Ingress" => group is "networking.k8s.io" or "extensions",
        "IngressClass" => group == "networking.k8s.io",
        "NetworkPolicy" => group is "networking.k8s.io" or "extensions",
        _ => false,
    };

    private static void BindMetadata(KubeObject obj, FieldReader top, string defaultNamespace, bool modelled)
    {
        var meta = top.Child("metadata");
        obj.Namespace = defaultNamespace;
        if (meta is null)
        {
            return;
        }

        if (meta.String("name") is { } name)
        {
            obj.Name = name.Value;
            obj.NameNode = name;
        }

        if (meta.String("namespace") is { Value.Length: > 0 } ns)
        {
            obj.Namespace = ns.Value;
            obj.HasExplicitNamespace = true;
        }

        if (modelled)
        {
            obj.Labels = meta.StringMap("labels") ?? [];
            obj.Annotations = meta.StringMap("annotations") ?? [];
        }
        else
        {
            obj.Labels = meta.Map["labels"] is MappingNode ? meta.StringMap("labels") ?? [] : [];
            obj.Annotations = meta.Map["annotations"] is MappingNode ? meta.StringMap("annotations") ?? [] : [];
        }
    }

    private static AutoscalerObject BindAutoscaler(AutoscalerObject autoscaler, FieldReader top)
    {
        var target = top.Child("spec")?.Child("scaleTargetRef");
        autoscaler.TargetKind = target?.String("kind")?.Value ?? string.Empty;
        autoscaler.TargetName = target?.String("name")?.Value ?? string.Empty;
        return autoscaler;
    }

    private static ServiceObject BindService(ServiceObject service, FieldReader top)
    {
        var spec = top.Child("spec");
        if (spec is null)
        {
            return service;
        }

        if (spec.String("type") is { } type)
        {
            service.Type = type.Value;
            service.TypeNode = type;
        }

        service.ClusterIPNode = spec.String("clusterIP");
        service.IsHeadless = service.ClusterIPNode?.Value == "None";
        service.ExternalNameNode = spec.String("externalName");
        service.ExternalIPsKey = spec.Sequence("externalIPs") is { Items.Count: > 0 } ? spec.Key("externalIPs") : null;
        service.ExternalTrafficPolicyNode = spec.String("externalTrafficPolicy");
        service.SelectorKey = spec.Key("selector");
        if (spec.Map["selector"] is MappingNode selector && selector.Entries.Any(e => e.Key.Value is "matchLabels" or "matchExpressions" && e.Value is not ScalarNode))
        {
            service.SelectorIsLabelSelector = true;
            // Only to suggest the fix: the API server rejects the whole selector, so its values are not checked here.
            service.SelectorMatchLabels = selector["matchLabels"] is MappingNode labels
                ? labels.Entries.Where(e => e.Value is ScalarNode).Select(e => new StringPair(e.Key, (ScalarNode)e.Value)).ToList()
                : [];
        }
        else
        {
            service.Selector = spec.StringMap("selector");
        }

        var ports = new List<ServicePort>();
        foreach (var (item, path) in spec.MappingItems("ports"))
        {
            var reader = spec.Nested(item, path);
            var port = new ServicePort(item, ports.Count)
            {
                NameNode = reader.String("name"),
                Port = reader.RequiredInt("port", ": every service port needs the port number clients connect to"),
                TargetPort = reader.PortRef("targetPort"),
                ProtocolNode = reader.String("protocol"),
                NodePort = reader.Int("nodePort"),
            };
            ports.Add(port);
        }

        service.Ports = ports;
        return service;
    }
}
