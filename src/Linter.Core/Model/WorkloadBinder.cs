using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>Binds the pod-creating parts of workloads: selector, replicas, pod template, containers, ports, probes.</summary>
internal static class WorkloadBinder
{
    public static void Bind(WorkloadObject workload, FieldReader top)
    {
        if (workload.IsPod)
        {
            var podSpec = top.Child("spec", KnownFields.PodSpec);
            workload.SpecKey = top.Key("spec");
            workload.Template = new PodTemplate(workload, workload.Labels, podSpec is null ? new PodSpec() : BindPodSpec(podSpec));
            return;
        }

        var spec = top.Child("spec", SpecFields(workload.Kind));
        workload.SpecKey = top.Key("spec");
        if (workload.Kind == "CronJob" && spec is not null)
        {
            var jobTemplate = spec.Child("jobTemplate", KnownFields.JobTemplateSpec);
            if (jobTemplate is null)
            {
                spec.Missing("jobTemplate", ": a CronJob creates its jobs from it");
                return;
            }

            workload.SpecKey = jobTemplate.Key("spec");
            spec = jobTemplate.Child("spec", KnownFields.JobSpec);
        }

        if (spec is null)
        {
            top.Missing("spec", $": a {workload.Kind} without a spec creates no pods");
            return;
        }

        BindSelector(workload, spec);
        workload.Replicas = spec.Int("replicas");
        if (workload.Kind == "StatefulSet")
        {
            workload.ServiceNameNode = spec.String("serviceName");
            workload.OrdinalsStart = spec.Child("ordinals")?.Int("start")?.Value ?? 0;
        }

        var template = spec.Child("template", KnownFields.PodTemplateSpec);
        if (template is null)
        {
            spec.Missing("template", $": a {workload.Kind} creates its pods from its pod template");
            return;
        }

        var metadata = template.Child("metadata", KnownFields.ObjectMeta);
        var labels = metadata?.StringMap("labels") ?? [];
        metadata?.StringMap("annotations");
        var podSpecReader = template.Child("spec", KnownFields.PodSpec);
        workload.Template = new PodTemplate(workload, labels, podSpecReader is null ? new PodSpec() : BindPodSpec(podSpecReader))
        {
            ControllerLabels = ControllerLabels(workload),
        };
    }

    private static FieldSet? SpecFields(string kind) => kind switch
    {
        "Deployment" => KnownFields.DeploymentSpec,
        "ReplicaSet" or "ReplicationController" => KnownFields.ReplicaSetSpec,
        "StatefulSet" => KnownFields.StatefulSetSpec,
        "DaemonSet" => KnownFields.DaemonSetSpec,
        "Job" => KnownFields.JobSpec,
        "CronJob" => KnownFields.CronJobSpec,
        _ => null,
    };

    private static void BindSelector(WorkloadObject workload, FieldReader spec)
    {
        workload.SelectorKey = spec.Key("selector");
        var manual = workload.Kind == "Job" && spec.Bool("manualSelector")?.Value == true;
        workload.RequiresSelector = ObjectBinder.RequiresAppsSelector(workload) || manual;
        if (workload.Kind is "Job" or "CronJob" && !manual)
        {
            return;
        }

        if (workload.Kind == "ReplicationController")
        {
            var pairs = spec.StringMap("selector");
            workload.Selector = pairs is null ? null : new LabelSelector(
                pairs.Select(p => new SelectorRequirement(p.Key.Value, SelectorOperator.In, [p.Value.Value], p.Key)).ToList(), true);
            return;
        }

        var selector = spec.Child("selector", KnownFields.LabelSelector);
        if (selector is not null)
        {
            workload.Selector = BindLabelSelector(selector);
        }
    }

    internal static LabelSelector BindLabelSelector(FieldReader selector)
    {
        var requirements = new List<SelectorRequirement>();
        var valid = true;
        foreach (var pair in selector.StringMap("matchLabels") ?? [])
        {
            requirements.Add(new SelectorRequirement(pair.Key.Value, SelectorOperator.In, [pair.Value.Value], pair.Key));
        }

        foreach (var (item, path) in selector.MappingItems("matchExpressions"))
        {
            var reader = selector.Nested(item, path, KnownFields.LabelSelectorRequirement);
            var key = reader.String("key");
            var op = reader.String("operator");
            var values = reader.Sequence("values")?.Items.OfType<ScalarNode>().Select(v => v.Value).ToList() ?? [];
            if (key is null || op is null || !TryOperator(op.Value, out var parsed))
            {
                valid = false;
                continue;
            }

            requirements.Add(new SelectorRequirement(key.Value, parsed, values, item));
        }

        return new LabelSelector(requirements, valid);
    }

    private static bool TryOperator(string text, out SelectorOperator op)
    {
        switch (text)
        {
            case "In": op = SelectorOperator.In; return true;
            case "NotIn": op = SelectorOperator.NotIn; return true;
            case "Exists": op = SelectorOperator.Exists; return true;
            case "DoesNotExist": op = SelectorOperator.DoesNotExist; return true;
            default: op = default; return false;
        }
    }

    /// <summary>Labels controllers add whose values are known before deployment (RULES.md ground rule 7).</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> ControllerLabels(WorkloadObject workload)
    {
        var labels = new List<KeyValuePair<string, string>>();
        switch (workload.Kind)
        {
            case "StatefulSet":
                var replicas = Math.Min(workload.Replicas?.Value ?? 1, 1000);
                for (var i = 0; i < replicas; i++)
                {
                    var ordinal = workload.OrdinalsStart + i;
                    labels.Add(new("statefulset.kubernetes.io/pod-name", $"{workload.Name}-{ordinal}"));
                    labels.Add(new("apps.kubernetes.io/pod-index", ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }

                break;
            case "Job":
                labels.Add(new("job-name", workload.Name));
                labels.Add(new("batch.kubernetes.io/job-name", workload.Name));
                break;
        }

        return labels;
    }

    private static PodSpec BindPodSpec(FieldReader spec) => new()
    {
        Containers = BindContainers(spec, "containers", isInit: false),
        InitContainers = BindContainers(spec, "initContainers", isInit: true),
        HostNetwork = spec.Bool("hostNetwork"),
        DnsPolicyNode = spec.String("dnsPolicy"),
        HostnameNode = spec.String("hostname"),
        SubdomainNode = spec.String("subdomain"),
        Nameservers = StringList(spec.Child("dnsConfig")?.Sequence("nameservers")),
        Searches = StringList(spec.Child("dnsConfig")?.Sequence("searches")),
        ConfigMapVolumes = BindConfigMapVolumes(spec),
        HostAliases = spec.MappingItems("hostAliases").SelectMany(a => StringList(spec.Nested(a.Item, a.Path).Sequence("hostnames"))).ToList(),
    };

    private static List<ConfigMapVolume> BindConfigMapVolumes(FieldReader spec)
    {
        var volumes = new List<ConfigMapVolume>();
        foreach (var (item, path) in spec.MappingItems("volumes"))
        {
            var volume = spec.Nested(item, path);
            if (volume.String("name")?.Value is not { Length: > 0 } name)
            {
                continue;
            }

            if (volume.Child("configMap")?.String("name")?.Value is { Length: > 0 } configMap)
            {
                volumes.Add(new ConfigMapVolume(name, configMap));
            }

            if (volume.Child("projected") is { } projected)
            {
                foreach (var (source, sourcePath) in projected.MappingItems("sources"))
                {
                    if (projected.Nested(source, sourcePath).Child("configMap")?.String("name")?.Value is { Length: > 0 } projectedMap)
                    {
                        volumes.Add(new ConfigMapVolume(name, projectedMap));
                    }
                }
            }
        }

        return volumes;
    }

    private static List<string> StringList(SequenceNode? list) => Strings(list).Select(s => s.Value).ToList();

    private static List<Container> BindContainers(FieldReader spec, string field, bool isInit)
    {
        var containers = new List<Container>();
        foreach (var (item, path) in spec.MappingItems(field))
        {
            var reader = spec.Nested(item, path, KnownFields.Container);
            var container = new Container
            {
                Node = item,
                Name = reader.String("name")?.Value ?? string.Empty,
                IsInit = isInit,
                IsSidecar = isInit && reader.String("restartPolicy")?.Value == "Always",
                Ports = BindContainerPorts(reader),
            };
            BindHandlers(reader, container);
            BindProcess(reader, container);
            containers.Add(container);
        }

        return containers;
    }

    private static List<ContainerPort> BindContainerPorts(FieldReader container)
    {
        var ports = new List<ContainerPort>();
        foreach (var (item, path) in container.MappingItems("ports"))
        {
            var reader = container.Nested(item, path, KnownFields.ContainerPort);
            var port = new ContainerPort(item)
            {
                NameNode = reader.String("name"),
                Number = reader.RequiredInt("containerPort", ": a container port must say which port the container listens on"),
                HostPort = reader.Int("hostPort"),
                ProtocolNode = reader.String("protocol"),
            };
            ports.Add(port);
        }

        return ports;
    }

    private static void BindHandlers(FieldReader reader, Container container)
    {
        var handlers = new List<ProbeHandler>();
        var execs = new List<ExecAction>();
        AddHandler(reader.Child("livenessProbe", KnownFields.Probe), HandlerKind.LivenessProbe, handlers, execs);
        AddHandler(reader.Child("readinessProbe", KnownFields.Probe), HandlerKind.ReadinessProbe, handlers, execs);
        AddHandler(reader.Child("startupProbe", KnownFields.Probe), HandlerKind.StartupProbe, handlers, execs);
        var lifecycle = reader.Child("lifecycle", KnownFields.Lifecycle);
        if (lifecycle is not null)
        {
            AddHandler(lifecycle.Child("postStart", KnownFields.LifecycleHandler), HandlerKind.PostStart, handlers, execs);
            AddHandler(lifecycle.Child("preStop", KnownFields.LifecycleHandler), HandlerKind.PreStop, handlers, execs);
        }

        container.Handlers = handlers;
        container.Execs = execs;
    }

    /// <summary>What the container runs and its environment: where host names are found.</summary>
    private static void BindProcess(FieldReader reader, Container container)
    {
        container.Command = Strings(reader.Sequence("command"));
        container.Args = Strings(reader.Sequence("args"));
        var env = new List<EnvVar>();
        foreach (var (item, path) in reader.MappingItems("env"))
        {
            var variable = reader.Nested(item, path);
            var name = variable.String("name")?.Value ?? string.Empty;
            var keyRef = variable.Child("valueFrom")?.Child("configMapKeyRef");
            env.Add(new EnvVar(name, variable.String("value"), keyRef?.String("name")?.Value, keyRef?.String("key")?.Value));
        }

        container.Env = env;
        container.EnvFromConfigMaps = reader.MappingItems("envFrom")
            .Select(e => reader.Nested(e.Item, e.Path).Child("configMapRef")?.String("name")?.Value)
            .OfType<string>()
            .ToList();
        container.VolumeMounts = reader.MappingItems("volumeMounts")
            .Select(m => reader.Nested(m.Item, m.Path).String("name")?.Value)
            .OfType<string>()
            .ToList();
    }

    private static List<ScalarNode> Strings(SequenceNode? list) =>
        list?.Items.OfType<ScalarNode>().Where(s => !s.IsNull).ToList() ?? [];

    private static void AddHandler(FieldReader? handler, HandlerKind kind, List<ProbeHandler> handlers, List<ExecAction> execs)
    {
        if (handler is null)
        {
            return;
        }

        if (handler.Child("exec", KnownFields.Exec) is { } exec)
        {
            execs.Add(new ExecAction(kind, Strings(exec.Sequence("command"))));
        }

        if (handler.Child("httpGet", KnownFields.HttpGet) is { } http)
        {
            handlers.Add(new ProbeHandler(kind, "httpGet", http.PortRef("port"), http.String("host")));
        }

        if (handler.Child("tcpSocket", KnownFields.TcpSocket) is { } tcp)
        {
            handlers.Add(new ProbeHandler(kind, "tcpSocket", tcp.PortRef("port"), tcp.String("host")));
        }

        if (handler.Child("grpc", KnownFields.Grpc) is { } grpc)
        {
            handlers.Add(new ProbeHandler(kind, "grpc", grpc.PortRef("port"), null));
        }
    }
}
