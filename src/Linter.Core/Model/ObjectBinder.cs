using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>
/// Binds a manifest document to a typed object. Type errors, unknown fields and missing required
/// fields become input problems (KL003, KL004, KL006); the object is still bound as far as it can be.
/// </summary>
internal static class ObjectBinder
{
    private static readonly HashSet<string> AppsWorkloads = new(StringComparer.Ordinal) { "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet" };

    /// <summary>
    /// Binds every document of the file, in order; problems go to <paramref name="problems"/>. Copies in the file
    /// (same identity) are compared with the first while the trees are there (<see cref="KubeObject.SameContentAsFirstCopyInFile"/>).
    /// </summary>
    public static KubeObject[] BindFile(SourceFile file, string defaultNamespace, List<InputProblem> problems)
    {
        var bound = new KubeObject[file.Documents.Count];
        for (var i = 0; i < bound.Length; i++)
        {
            bound[i] = Bind(file.Documents[i], defaultNamespace, problems);
        }

        if (bound.Length < 2)
        {
            return bound;
        }

        // Most files hold a few documents, each compared with those before it; a long file gets a table of the firsts.
        var firsts = bound.Length > 8 ? new Dictionary<ObjectKey, KubeObject>(bound.Length) : null;
        for (var i = 0; i < bound.Length; i++)
        {
            var obj = bound[i];
            if (obj.Name.Length == 0)
            {
                continue;
            }

            var first = firsts is null ? FirstWithKey(bound, i) : firsts.TryGetValue(obj.Key, out var found) ? found : null;
            if (first is not null)
            {
                obj.SameContentAsFirstCopyInFile = NodeEquality.Same(obj.Document.Root, first.Document.Root);
            }
            else
            {
                firsts?.Add(obj.Key, obj);
            }
        }

        return bound;
    }

    /// <summary>The first object before <paramref name="index"/> with the same identity.</summary>
    private static KubeObject? FirstWithKey(KubeObject[] bound, int index)
    {
        var key = bound[index].Key;
        for (var i = 0; i < index; i++)
        {
            if (bound[i].Name.Length > 0 && bound[i].Key == key)
            {
                return bound[i];
            }
        }

        return null;
    }

    public static KubeObject Bind(SourceDocument document, string defaultNamespace, List<InputProblem> problems)
    {
        var root = document.Root;
        var apiVersion = ((ScalarNode)root["apiVersion"]!).Value;
        var kind = ((ScalarNode)root["kind"]!).Value;
        var group = apiVersion.IndexOf('/') is var slash and >= 0 ? apiVersion.Substring(0, slash) : string.Empty;
        var known = IsKnownGroup(kind, group);
        // A few label selectors at most: a list compares references without an identity hash per node.
        var unknownKeysReportedElsewhere = new List<MappingNode>();
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
                slice.ServiceName = slice.Labels.FirstOrDefault(l => l.KeyText == "kubernetes.io/service-name").ValueText ?? string.Empty;
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

    private const string NameRequired =
        ": the API server refuses an object without a name (metadata.name: Required value: name or generateName is required), and `kubectl apply` needs one";

    private static void BindMetadata(KubeObject obj, FieldReader top, string defaultNamespace, bool modelled)
    {
        var meta = top.Child("metadata");
        obj.Namespace = defaultNamespace;
        if (meta is null)
        {
            // `metadata.name: web` written as one dotted key is KL004's (with the hint), not a missing name.
            if (modelled && !HasDottedMetadataKey(top.Map))
            {
                top.Missing("metadata.name", NameRequired);
            }

            return;
        }

        if (meta.String("name") is { } name)
        {
            obj.Name = name.Value;
            obj.NameNode = name;
        }

        if (modelled && obj.Name.Length == 0 && meta.String("generateName") is not { Value.Length: > 0 })
        {
            top.Problem(ProblemKind.MissingField, top.Key("metadata")!.Span, "`metadata.name` is required" + NameRequired);
        }

        if (meta.String("namespace") is { Value.Length: > 0 } ns)
        {
            obj.Namespace = ns.Value;
            obj.HasExplicitNamespace = true;
        }

        var labels = modelled || meta.Map["labels"] is MappingNode ? meta.StringMap("labels") ?? [] : [];
        var labelProblems = new List<LabelProblem>();
        obj.Labels = LabelSyntax.Accepted(labels, meta, "labels", labelProblems);
        obj.LabelProblems = labelProblems.Count == 0 ? Array.Empty<LabelProblem>() : labelProblems;
        if (modelled)
        {
            obj.Annotations = meta.StringMap("annotations") ?? [];
        }
        else
        {
            obj.Annotations = meta.Map["annotations"] is MappingNode ? meta.StringMap("annotations") ?? [] : [];
        }
    }

    /// <summary>A key like <c>metadata.name</c> written as one dotted key (KL004 reports it, with a hint).</summary>
    private static bool HasDottedMetadataKey(MappingNode map)
    {
        foreach (var entry in map.EntrySpan)
        {
            if (entry.Key.Value.StartsWith("metadata.", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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
        service.SpecKey = top.Key("spec");
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
        service.Keep(Uncommon(spec));
        service.HasPorts = spec.Written("ports") && spec.Map["ports"] is not SequenceNode { Items.Count: 0 };
        service.SelectorKey = spec.Key("selector");
        if (spec.Map["selector"] is MappingNode selector && selector.Entries.Any(e => e.Key.Value is "matchLabels" or "matchExpressions" && e.Value is not ScalarNode))
        {
            service.SelectorIsLabelSelector = true;
            // Only to suggest the fix: the API server rejects the whole selector, so its values are not checked here.
            service.SelectorMatchLabels = selector["matchLabels"] is MappingNode labels
                ? labels.Entries.Where(e => e.Value is ScalarNode).Select(e => new StringPair(e.Key, (ScalarNode)e.Value)).ToList()
                : [];
        }
        else if (spec.StringMap("selector") is { } selectorPairs)
        {
            // A selector the API server rejects selects nothing the rules should reason about (KL810): left out.
            var problems = new List<LabelProblem>();
            var accepted = LabelSyntax.Accepted(selectorPairs, spec, "selector", problems);
            service.SelectorProblems = problems.Count == 0 ? Array.Empty<LabelProblem>() : problems;
            service.Selector = problems.Count == 0 ? accepted : null;
        }

        service.Ports = spec.Items("ports").Select((reader, i) => new ServicePort(reader.Map.Span, i)
        {
            NameNode = reader.String("name"),
            Port = reader.RequiredInt("port", ": every service port needs the port number clients connect to"),
            TargetPort = reader.PortRef("targetPort"),
            ProtocolNode = reader.String("protocol"),
            NodePort = reader.Int("nodePort"),
        }).ToArray();
        return service;
    }

    /// <summary>The Service fields most Services leave out, read in the order the API reference lists them.</summary>
    private static ServiceObject.Uncommon Uncommon(FieldReader spec)
    {
        var clusterIPs = spec.Strings("clusterIPs");
        var clusterIPsKey = clusterIPs.Count > 0 ? spec.Key("clusterIPs") : null;
        var ipFamilies = spec.Strings("ipFamilies");
        var ipFamiliesKey = ipFamilies.Count > 0 ? spec.Key("ipFamilies") : null;
        var ipFamilyPolicy = spec.String("ipFamilyPolicy");
        var externalName = spec.String("externalName");
        var externalIPs = spec.Strings("externalIPs");
        var externalIPsKey = externalIPs.Count > 0 ? spec.Key("externalIPs") : null;
        var externalTrafficPolicy = spec.String("externalTrafficPolicy");
        var internalTrafficPolicy = spec.String("internalTrafficPolicy");
        var healthCheckNodePort = spec.Int("healthCheckNodePort");
        var sessionAffinity = spec.String("sessionAffinity");
        var affinity = spec.Child("sessionAffinityConfig");
        var sessionAffinityConfigKey = affinity is null ? null : spec.Key("sessionAffinityConfig");
        var affinityTimeout = affinity?.Child("clientIP")?.Int("timeoutSeconds");
        var sourceRanges = spec.Strings("loadBalancerSourceRanges");
        var sourceRangesKey = sourceRanges.Count > 0 ? spec.Key("loadBalancerSourceRanges") : null;
        var allocateNodePortsKey = spec.Bool("allocateLoadBalancerNodePorts") is not null ? spec.Key("allocateLoadBalancerNodePorts") : null;
        var loadBalancerClass = spec.String("loadBalancerClass");
        return new ServiceObject.Uncommon
        {
            ClusterIPs = clusterIPs,
            ClusterIPsKey = clusterIPsKey,
            IpFamilies = ipFamilies,
            IpFamiliesKey = ipFamiliesKey,
            IpFamilyPolicy = ipFamilyPolicy,
            ExternalName = externalName,
            ExternalIPs = externalIPs,
            ExternalIPsKey = externalIPsKey,
            ExternalTrafficPolicy = externalTrafficPolicy,
            InternalTrafficPolicy = internalTrafficPolicy,
            HealthCheckNodePort = healthCheckNodePort,
            SessionAffinity = sessionAffinity,
            SessionAffinityConfigKey = sessionAffinityConfigKey,
            AffinityTimeout = affinityTimeout,
            SourceRanges = sourceRanges,
            SourceRangesKey = sourceRangesKey,
            AllocateNodePortsKey = allocateNodePortsKey,
            LoadBalancerClass = loadBalancerClass,
            LoadBalancerClassKey = loadBalancerClass is not null ? spec.Key("loadBalancerClass") : null,
        };
    }
}
