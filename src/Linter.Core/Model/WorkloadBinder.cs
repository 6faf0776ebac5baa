using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>Binds the pod-creating parts of workloads: selector, replicas, pod template, containers, ports, probes.</summary>
internal static class WorkloadBinder
{
    public static void Bind(WorkloadObject workload, FieldReader top)
    {
        if (workload.IsPod)
        {
            var podSpec = top.Child("spec");
            workload.SpecKey = top.Key("spec");
            workload.Template = new PodTemplate(workload, workload.Labels, podSpec is null ? new PodSpec() : BindPodSpec(podSpec));
            return;
        }

        var spec = top.Child("spec");
        workload.SpecKey = top.Key("spec");
        if (workload.Kind == "CronJob" && spec is not null)
        {
            var jobTemplate = spec.Child("jobTemplate");
            if (jobTemplate is null)
            {
                spec.Missing("jobTemplate", ": a CronJob creates its jobs from it");
                return;
            }

            workload.SpecKey = jobTemplate.Key("spec");
            spec = jobTemplate.Child("spec");
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

        var template = spec.Child("template");
        if (template is null)
        {
            spec.Missing("template", $": a {workload.Kind} creates its pods from its pod template");
            return;
        }

        var metadata = template.Child("metadata");
        var labelProblems = new List<LabelProblem>();
        var labels = metadata is null ? [] : LabelSyntax.Accepted(metadata.StringMap("labels") ?? [], metadata, "labels", labelProblems);
        workload.TemplateLabelProblems = labelProblems.Count == 0 ? Array.Empty<LabelProblem>() : labelProblems;
        metadata?.StringMap("annotations");
        var podSpecReader = template.Child("spec");
        workload.Template = new PodTemplate(workload, labels, podSpecReader is null ? new PodSpec() : BindPodSpec(podSpecReader))
        {
            ControllerLabels = ControllerLabels(workload),
        };
    }

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
                pairs.Select(p => new SelectorRequirement(p.KeyText, SelectorOperator.In, [p.ValueText], p.KeySpan)).ToList(), true);
            return;
        }

        var selector = spec.Child("selector");
        if (selector is null)
        {
            // `selector:` with no value is no selector: apps/v1 requires one (older versions fill it in from the template).
            if (workload.RequiresSelector && workload.SelectorKey is { } key && spec.Map["selector"] is ScalarNode { IsNull: true })
            {
                workload.Selector = new LabelSelector([], true, [new SelectorProblem(key.Span,
                    $"\"{spec.Path}.selector: Required value\": `selector:` has no value, so the {workload.Kind} has no selector; select the template labels under `matchLabels`")]);
            }

            return;
        }

        // The "empty selector" check is in the validation of every served version of these kinds (KL811).
        var apps = workload.Kind is "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet";
        var bound = BindLabelSelector(selector, apps
            ? $"which the API server rejects (\"empty selector is invalid for {EmptySelectorWord(workload.Kind)}\")"
            : "which selects every pod of the namespace");
        if (apps && bound.Problems.Count == 0 && IsWrittenEmpty(selector))
        {
            bound = bound.With(new SelectorProblem(workload.SelectorKey!.Span,
                $"\"{selector.Path}: Invalid value: {{}}: empty selector is invalid for {EmptySelectorWord(workload.Kind)}\": a {workload.Kind} must select its pods; " +
                $"select the template labels under `matchLabels`"));
        }

        workload.Selector = bound;
    }

    /// <summary>The word the API server's "empty selector is invalid for …" uses (ReplicaSet reuses Deployment's).</summary>
    private static string EmptySelectorWord(string kind) => kind switch
    {
        "StatefulSet" => "statefulset",
        "DaemonSet" => "daemonset",
        _ => "deployment",
    };

    /// <summary><c>len(matchLabels) + len(matchExpressions) == 0</c>, each absent, null or empty (a mistyped one is KL003's).</summary>
    private static bool IsWrittenEmpty(FieldReader selector) =>
        selector.Map["matchLabels"] is null or ScalarNode { IsNull: true } or MappingNode { Entries.Count: 0 } &&
        selector.Map["matchExpressions"] is null or ScalarNode { IsNull: true } or SequenceNode { Items.Count: 0 };

    /// <summary>
    /// Binds a <c>LabelSelector</c> and records what <c>ValidateLabelSelector</c> rejects in it (KL811). With
    /// <paramref name="leftEmpty"/> (what <c>{}</c> means where the selector is written) keys other than
    /// <c>matchLabels</c> and <c>matchExpressions</c> are problems too, not unknown fields (the reader must have no field
    /// set): strict field validation refuses them, and without it they are dropped.
    /// </summary>
    internal static LabelSelector BindLabelSelector(FieldReader selector, string? leftEmpty = null)
    {
        var requirements = new List<SelectorRequirement>();
        var problems = new List<SelectorProblem>();
        var labelProblems = new List<LabelProblem>();
        var valid = true;
        if (leftEmpty is not null)
        {
            selector.ReportsOwnUnknownKeys();
            if (StrayKeys(selector, leftEmpty) is { } stray)
            {
                problems.Add(stray);
            }
        }

        foreach (var pair in LabelSyntax.Accepted(selector.StringMap("matchLabels") ?? [], selector, "matchLabels", labelProblems))
        {
            requirements.Add(new SelectorRequirement(pair.KeyText, SelectorOperator.In, [pair.ValueText], pair.KeySpan));
        }

        foreach (var reader in selector.Items("matchExpressions"))
        {
            var key = reader.String("key");
            var op = reader.String("operator");
            var valueNodes = reader.Sequence("values")?.Items.OfType<ScalarNode>().ToList() ?? [];
            var values = valueNodes.Select(v => v.Value).ToArray();
            if (key is not null)
            {
                LabelSyntax.CheckKey(key, reader, "key", labelProblems);
            }

            for (var i = 0; i < valueNodes.Count; i++)
            {
                LabelSyntax.CheckValue(valueNodes[i], reader, $"values[{i}]", labelProblems);
            }

            if (RequirementProblem(reader, reader.Map, reader.Path, key, op, values) is { } problem)
            {
                problems.Add(problem);
                valid = false;
                continue;
            }

            if (key is null || op is null || !TryOperator(op.Value, out var parsed))
            {
                valid = false;
                continue;
            }

            requirements.Add(new SelectorRequirement(key.Value, parsed, values, reader.Map.Span));
        }

        return new LabelSelector(Kept.Of(requirements), valid, problems, labelProblems);
    }

    /// <summary>The first reason <c>ValidateLabelSelectorRequirement</c> gives for this requirement, or null.</summary>
    private static SelectorProblem? RequirementProblem(FieldReader reader, MappingNode item, string path, ScalarNode? key, ScalarNode? op, string[] values)
    {
        var valuesKey = reader.Key("values");
        var valuesMistyped = valuesKey is not null && reader.Map["values"] is not (SequenceNode or ScalarNode { IsNull: true });
        if (op is null)
        {
            // A mistyped operator is KL003's; an absent one is this rule's.
            return reader.Key("operator") is not null && reader.Map["operator"] is not ScalarNode { IsNull: true } ? null : new SelectorProblem(item.Span,
                $"\"{path}.operator: Invalid value: \"\": not a valid selector operator\": the requirement has no `operator`; add one of `In`, `NotIn`, `Exists`, `DoesNotExist`");
        }

        if (!TryOperator(op.Value, out var parsed))
        {
            return new SelectorProblem(op.Span,
                $"\"{path}.operator: Invalid value: \"{op.Value}\": not a valid selector operator\"; {OperatorFix(op.Value, values.Length)}");
        }

        if (parsed is SelectorOperator.In or SelectorOperator.NotIn && values.Length == 0 && !valuesMistyped)
        {
            return new SelectorProblem(valuesKey?.Span ?? item.Span,
                $"\"{path}.values: Required value: must be specified when `operator` is 'In' or 'NotIn'\": list the label values to match, or use `{(parsed == SelectorOperator.In ? "Exists" : "DoesNotExist")}` to test only whether `{key?.Value}` is set");
        }

        if (parsed is SelectorOperator.Exists or SelectorOperator.DoesNotExist && values.Length > 0)
        {
            return new SelectorProblem(valuesKey!.Span,
                $"\"{path}.values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'\": remove `values`, or use `{(parsed == SelectorOperator.Exists ? "In" : "NotIn")}` to match these values");
        }

        if (key is null && (reader.Key("key") is null || reader.Map["key"] is ScalarNode { IsNull: true }))
        {
            return new SelectorProblem(item.Span,
                $"\"{path}.key: Invalid value: \"\": name part must be non-empty\": the requirement has no `key`; name the label it tests");
        }

        return null;
    }

    private static string OperatorFix(string op, int values)
    {
        var known = new[] { "In", "NotIn", "Exists", "DoesNotExist" };
        var same = known.FirstOrDefault(k => string.Equals(k, op, StringComparison.OrdinalIgnoreCase));
        var meant = same ?? op switch
        {
            "=" or "==" or "Equals" or "Is" or "Eq" => "In",
            "!=" or "NotEquals" or "Not" or "Ne" => "NotIn",
            "Exist" or "Has" or "Present" => "Exists",
            "NotExists" or "NotExist" or "DoesNotExists" or "Absent" => "DoesNotExist",
            _ => null,
        };
        return meant is null
            ? "use `In` or `NotIn` (with `values`), or `Exists` or `DoesNotExist` (without)"
            : $"write `{meant}`{(meant is "In" or "NotIn" && values == 0 ? " and list `values`" : meant is "Exists" or "DoesNotExist" && values > 0 ? " and remove `values`" : string.Empty)} (operators are case-sensitive: `In`, `NotIn`, `Exists`, `DoesNotExist`)";
    }

    /// <summary>Keys other than matchLabels/matchExpressions (labels written directly under the selector): one problem, at the first.</summary>
    private static SelectorProblem? StrayKeys(FieldReader selector, string leftEmpty)
    {
        // Every workload's selector passes here: nothing is listed for one without stray keys.
        List<MappingEntry>? stray = null;
        foreach (var entry in selector.Map.EntrySpan)
        {
            if (!FieldTables.V1LabelSelector.Contains(entry.Key.Value))
            {
                (stray ??= []).Add(entry);
            }
        }

        if (stray is null)
        {
            return null;
        }

        var first = stray[0].Key;
        var labels = stray.All(e => e.Value is ScalarNode { IsNull: false });
        var kept = selector.Map.Entries.Count > stray.Count;
        var names = string.Join(", ", stray.Select(e => $"`{e.Key.Value}`"));
        var effect = kept
            ? $"without strict validation {(stray.Count == 1 ? "the key is" : "the keys are")} dropped and the selector keeps only its other fields"
            : $"without strict validation {(stray.Count == 1 ? "the key is" : "the keys are")} dropped, leaving `{{}}`, {leftEmpty}";
        var misspelt = stray.Select(e => (e.Key.Value, Meant: FieldTables.V1LabelSelector.Nearest(e.Key.Value))).FirstOrDefault(m => m.Meant is not null);
        var fix = labels ? $"move {names} under `matchLabels:`"
            : misspelt.Meant is not null ? $"did you mean `{misspelt.Meant}` (not `{misspelt.Value}`)?"
            : $"remove {names}, or move {(stray.Count == 1 ? "it" : "them")} under `matchLabels` or `matchExpressions`";
        return new SelectorProblem(first.Span,
            $"`{selector.Path}` may hold only `matchLabels` and `matchExpressions`, not {names}: strict field validation (kubectl's default) rejects the object (unknown field \"{selector.Path}.{first.Value}\"), and {effect}; {fix}");
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

        return Kept.Of(labels);
    }

    private static PodSpec BindPodSpec(FieldReader spec) => new()
    {
        Path = spec.Path,
        Containers = BindContainers(spec, "containers", isInit: false),
        InitContainers = BindContainers(spec, "initContainers", isInit: true),
        HostNetwork = spec.Bool("hostNetwork"),
        DnsPolicyNode = spec.String("dnsPolicy"),
        HostnameNode = spec.String("hostname"),
        SubdomainNode = spec.String("subdomain"),
        DnsConfig = BindDnsConfig(spec),
        ConfigMapVolumes = BindConfigMapVolumes(spec),
        HostAliases = spec.Items("hostAliases").Select(BindHostAlias).ToArray(),
    };

    private static PodDnsConfig? BindDnsConfig(FieldReader spec)
    {
        if (spec.Child("dnsConfig") is not { } dnsConfig)
        {
            return null;
        }

        return new PodDnsConfig(spec.Key("dnsConfig")!)
        {
            NameserversKey = dnsConfig.Key("nameservers"),
            Nameservers = Strings(dnsConfig.Sequence("nameservers")),
            SearchesKey = dnsConfig.Key("searches"),
            Searches = Strings(dnsConfig.Sequence("searches")),
            Options = dnsConfig.Items("options").Select(o => (o.Map.Span, o.String("name"))).ToArray(),
        };
    }

    private static HostAlias BindHostAlias(FieldReader alias) =>
        new(alias.Map.Span, alias.String("ip"), Strings(alias.Sequence("hostnames")));

    private static IReadOnlyList<ConfigMapVolume> BindConfigMapVolumes(FieldReader spec)
    {
        var volumes = new List<ConfigMapVolume>();
        foreach (var volume in spec.Items("volumes"))
        {
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
                foreach (var source in projected.Items("sources"))
                {
                    if (source.Child("configMap")?.String("name")?.Value is { Length: > 0 } projectedMap)
                    {
                        volumes.Add(new ConfigMapVolume(name, projectedMap));
                    }
                }
            }
        }

        return Kept.Of(volumes);
    }

    // A loop, not a lambda capturing isInit: that was a closure for every pod, most without init containers.
    private static Container[] BindContainers(FieldReader spec, string field, bool isInit)
    {
        var readers = spec.Items(field);
        var containers = readers.Length == 0 ? [] : new Container[readers.Length];
        for (var i = 0; i < readers.Length; i++)
        {
            containers[i] = BindContainer(readers[i], isInit);
        }

        return containers;
    }

    private static Container BindContainer(FieldReader reader, bool isInit)
    {
        var container = new Container
        {
            Span = reader.Map.Span,
            NameNode = reader.String("name"),
            IsInit = isInit,
            IsSidecar = isInit && reader.String("restartPolicy")?.Value == "Always",
            Ports = BindContainerPorts(reader),
        };
        BindHandlers(reader, container);
        BindProcess(reader, container);
        return container;
    }

    private static ContainerPort[] BindContainerPorts(FieldReader container) =>
        container.Items("ports").Select(reader => new ContainerPort(reader.Map.Span)
        {
            NameNode = reader.String("name"),
            Number = reader.RequiredInt("containerPort", ": a container port must say which port the container listens on"),
            HostPort = reader.Int("hostPort"),
            ProtocolNode = reader.String("protocol"),
        }).ToArray();

    private static void BindHandlers(FieldReader reader, Container container)
    {
        var handlers = new List<ProbeHandler>();
        var execs = new List<ExecAction>();
        AddHandler(reader.Child("livenessProbe"), HandlerKind.LivenessProbe, handlers, execs);
        AddHandler(reader.Child("readinessProbe"), HandlerKind.ReadinessProbe, handlers, execs);
        AddHandler(reader.Child("startupProbe"), HandlerKind.StartupProbe, handlers, execs);
        var lifecycle = reader.Child("lifecycle");
        if (lifecycle is not null)
        {
            AddHandler(lifecycle.Child("postStart"), HandlerKind.PostStart, handlers, execs);
            AddHandler(lifecycle.Child("preStop"), HandlerKind.PreStop, handlers, execs);
        }

        container.Handlers = Kept.Of(handlers);
        container.Execs = Kept.Of(execs);
    }

    /// <summary>What the container runs and its environment: where host names are found.</summary>
    private static void BindProcess(FieldReader reader, Container container)
    {
        container.Command = Strings(reader.Sequence("command"));
        container.Args = Strings(reader.Sequence("args"));
        container.Env = reader.Items("env").Select(variable =>
        {
            var keyRef = variable.Child("valueFrom")?.Child("configMapKeyRef");
            return new EnvVar(variable.String("name")?.Value ?? string.Empty, variable.String("value"), keyRef?.String("name")?.Value, keyRef?.String("key")?.Value);
        }).ToArray();
        container.EnvFromConfigMaps = Kept.Present(reader.Items("envFrom"), e => e.Child("configMapRef")?.String("name")?.Value);
        container.VolumeMounts = Kept.Present(reader.Items("volumeMounts"), m => m.String("name")?.Value);
    }

    private static ScalarNode[] Strings(SequenceNode? list) =>
        list?.Items.OfType<ScalarNode>().Where(s => !s.IsNull).ToArray() ?? [];

    private static void AddHandler(FieldReader? handler, HandlerKind kind, List<ProbeHandler> handlers, List<ExecAction> execs)
    {
        if (handler is null)
        {
            return;
        }

        if (handler.Child("exec") is { } exec)
        {
            execs.Add(new ExecAction(kind, Strings(exec.Sequence("command"))));
        }

        if (handler.Child("httpGet") is { } http)
        {
            handlers.Add(new ProbeHandler(kind, "httpGet", http.PortRef("port"), http.String("host")));
        }

        if (handler.Child("tcpSocket") is { } tcp)
        {
            handlers.Add(new ProbeHandler(kind, "tcpSocket", tcp.PortRef("port"), tcp.String("host")));
        }

        if (handler.Child("grpc") is { } grpc)
        {
            handlers.Add(new ProbeHandler(kind, "grpc", grpc.PortRef("port"), null));
        }
    }
}
