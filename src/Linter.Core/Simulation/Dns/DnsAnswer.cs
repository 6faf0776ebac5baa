using Linter.Core.Model;

namespace Linter.Core.Simulation.Dns;

public enum DnsOutcome
{
    /// <summary>A Service of the input or a built-in one (<c>kubernetes</c>, <c>kube-dns</c>).</summary>
    Service,

    /// <summary>A pod record <c>&lt;hostname&gt;.&lt;headless service&gt;</c>.</summary>
    Pod,

    /// <summary>A cluster name in a namespace the input owns, that nothing answers.</summary>
    NotFound,

    /// <summary>A cluster name in a namespace the input does not own (no Namespace object, no workloads): it may exist.</summary>
    UnknownNamespace,

    /// <summary>Not a cluster name: resolved outside the cluster.</summary>
    External,
}

/// <summary>One query of the search list and what cluster DNS answers.</summary>
public sealed record DnsStep(string Query, string Answer);

/// <summary>A Service that exists without being in the input: one every cluster has, or one the configuration declares.</summary>
public sealed record BuiltInService(string Namespace, string Name, IReadOnlyList<int> Ports, bool Headless = false, bool Configured = false);

public sealed record PodRecord(string Hostname, ServiceObject Service, PodTemplate Pod);

public enum MissKind { HeadlessService, Service, Pod }

/// <summary>What a failed lookup looked for: a Service, the headless Service of a pod record, or the pod behind one.</summary>
public sealed record DnsMiss(MissKind Kind, string Namespace, string Name, string? Service = null)
{
    public override string ToString() => Kind switch
    {
        MissKind.Service => $"no Service {Name} in namespace {Namespace}",
        MissKind.HeadlessService => $"no headless Service {Name} in namespace {Namespace}",
        _ => $"no pod {Name} behind Service {Service} in namespace {Namespace}",
    };
}

/// <summary>Why a per-pod name <c>&lt;pod&gt;.&lt;service&gt;</c> finds no pod behind the Service.</summary>
public enum PodNameMiss
{
    /// <summary>The Service has per-pod names, but none of this one (a typo, or an ordinal the StatefulSet never creates).</summary>
    NoSuchPod,

    /// <summary>The Service is headless, but none of the pods it selects gets a per-pod record under it (KL408).</summary>
    NoPerPodRecords,

    /// <summary>A pod would carry the name, but the Service it names is missing or does not select it: reported on the StatefulSet, the pod or the Service (KL402, KL404, KL405, KL101).</summary>
    ServiceDefect,
}

/// <summary>A StatefulSet pod name whose ordinal the StatefulSet never creates.</summary>
public sealed record OrdinalOutOfRange(WorkloadObject StatefulSet, int Ordinal, int First, int Last);

/// <summary>What a name resolves to from one namespace, with the steps that got there.</summary>
public sealed class DnsAnswer(string name, DnsOutcome outcome, IReadOnlyList<DnsStep> steps)
{
    public string Name { get; } = name;

    public DnsOutcome Outcome { get; } = outcome;

    public IReadOnlyList<DnsStep> Steps { get; } = steps;

    public ServiceObject? Service { get; init; }

    public BuiltInService? BuiltIn { get; init; }

    public PodRecord? Pod { get; init; }

    /// <summary>For <see cref="DnsOutcome.NotFound"/>, and a Service in a namespace the input does not own: what was looked for.</summary>
    public DnsMiss? Miss { get; init; }

    public string? UnknownNamespace { get; init; }

    public OrdinalOutOfRange? Ordinal { get; init; }

    /// <summary>For a per-pod name that finds no pod: why.</summary>
    public PodNameMiss? PodMiss { get; init; }

    /// <summary>The name reaches something in the cluster, or is written in cluster form.</summary>
    public bool IsClusterName => Outcome is DnsOutcome.Service or DnsOutcome.Pod or DnsOutcome.NotFound;

    /// <summary>A ClusterIP Service: a virtual IP that carries only the declared TCP, UDP and SCTP ports.</summary>
    public bool IsVirtualIp => BuiltIn is { Headless: false } || Service is { IsHeadless: false, IsExternalName: false };

    public string Describe() => Outcome switch
    {
        DnsOutcome.Service when BuiltIn is not null => $"{(BuiltIn.Configured ? "configured" : "built-in")} Service {BuiltIn.Name} in namespace {BuiltIn.Namespace}",
        DnsOutcome.Service => $"Service {Service!.Name} in namespace {Service.Namespace}" + (Service.IsHeadless ? " (headless)" : Service.IsExternalName ? " (ExternalName)" : string.Empty),
        DnsOutcome.Pod => $"pod {Pod!.Hostname} of {Pod.Pod.Owner} through headless Service {Pod.Service.Name}",
        DnsOutcome.NotFound => "nothing",
        DnsOutcome.UnknownNamespace => "a namespace the input does not own",
        _ => "a name outside the cluster",
    };
}
