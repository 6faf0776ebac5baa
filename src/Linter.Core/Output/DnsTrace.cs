using System.Text.Json;
using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Simulation;
using Linter.Core.Simulation.Dns;

namespace Linter.Core.Output;

/// <summary>How one name resolves from one workload's pods: each query of the search list, and what it reaches.</summary>
internal sealed class DnsTrace
{
    private DnsTrace(ClusterSnapshot snapshot, WorkloadObject workload, string name, int? port)
    {
        Workload = workload;
        Port = port;
        var spec = workload.Template?.Spec;
        var validity = workload.Template is { } template ? snapshot.Validity(template) : null;
        var policy = validity is null ? "ClusterFirst" : validity.DnsPolicy;
        var hostNetwork = spec?.HostNetwork?.Value == true;
        Resolver = policy switch
        {
            null => $"unknown: the API server rejects the pod's dnsPolicy ({spec?.DnsPolicyNode?.Value})",
            "ClusterFirst" when hostNetwork => "the node's resolver (hostNetwork with dnsPolicy ClusterFirst): cluster names do not resolve",
            "Default" => "the node's resolver (dnsPolicy Default): cluster names do not resolve",
            "None" => "only dnsConfig (dnsPolicy None)",
            _ => $"cluster DNS (dnsPolicy {policy}), ndots 5, search {string.Join(" ", new[] { $"{workload.Namespace}.svc.{snapshot.Dns.Domain}", $"svc.{snapshot.Dns.Domain}", snapshot.Dns.Domain }.Concat(validity?.Searches ?? []))}",
        };
        Answer = snapshot.Names.Resolve(name, workload.Namespace, validity?.Searches, workload.ApplyUnit);
        Reaches = Destinations(snapshot).ToList();
        Elsewhere = Answer.Outcome == DnsOutcome.External && name.IndexOf('.') < 0
            ? snapshot.Services.Where(s => s.Name == name.ToLowerInvariant()).Select(s => s.Namespace).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList()
            : [];
        if (workload.Template is { } pod && snapshot.Options.NetworkPolicyEnforced)
        {
            var reference = new NameReference(name, SourceSpan.StartOf("--from"), workload.Namespace, "the command line", Answer) { Port = port };
            Connection = snapshot.Dependencies.Connection(pod, reference);
            Targets = Connection is null ? [] : ConnectionVerdicts.Of(snapshot, pod, Connection);
        }

        NoVerdict = !snapshot.Options.NetworkPolicyEnforced ? ConnectionVerdicts.NotEnforced
            : Connection is not null ? null
            : port is null && (Answer.Pod is not null || Answer.Service is { IsHeadless: true } || Answer.Service is { IsExternalName: true } || Answer.BuiltIn is not null || (Answer.Outcome == DnsOutcome.External && name.IndexOf('.') > 0))
                ? "no verdict: give a port (NAME:PORT) to get one"
                : $"no verdict: {name}{(port is null ? string.Empty : $":{port}")} reaches no pod of another workload and no destination outside the cluster";
    }

    public WorkloadObject Workload { get; }

    public int? Port { get; }

    public string Resolver { get; }

    public DnsAnswer Answer { get; }

    /// <summary>Where connections end up: the Service's ports and their endpoints, or the pod.</summary>
    public IReadOnlyList<string> Reaches { get; }

    /// <summary>For a short name that does not resolve: the namespaces that have a Service of that name.</summary>
    public IReadOnlyList<string> Elsewhere { get; }

    /// <summary>The connection the name makes, when it reaches pods or an outside destination (and a port is known where one is needed).</summary>
    public Dependency? Connection { get; }

    /// <summary>The NetworkPolicy verdict on each target of <see cref="Connection"/>.</summary>
    public IReadOnlyList<TargetVerdict> Targets { get; } = [];

    /// <summary>Why there is no verdict: policies not enforced, no port, or nothing reached.</summary>
    public string? NoVerdict { get; }

    public static DnsTrace For(ClusterSnapshot snapshot, WorkloadObject workload, string name, int? port) => new(snapshot, workload, name, port);

    public void WriteText(TextWriter output)
    {
        TextWrap.WriteLine(output, string.Empty, $"from {Workload} in namespace {Workload.Namespace}");
        TextWrap.WriteLine(output, string.Empty, $"resolver: {Resolver}");
        for (var i = 0; i < Answer.Steps.Count; i++)
        {
            TextWrap.WriteLine(output, $"  {i + 1}. ", Answer.Steps[i].Query, "     ");
            TextWrap.WriteLine(output, "     ", Answer.Steps[i].Answer);
        }

        TextWrap.WriteLine(output, "=> ", Result(), "   ");
        foreach (var line in Reaches)
        {
            TextWrap.WriteLine(output, "   ", line, "     ");
        }

        if (Connection is null)
        {
            TextWrap.WriteLine(output, "verdict: ", NoVerdict ?? string.Empty, "   ");
            return;
        }

        TextWrap.WriteLine(output, "verdict: ", ConnectionVerdicts.Overall(Connection, Targets), "   ");
        foreach (var target in Targets)
        {
            TextWrap.WriteLine(output, "   ", $"{target.Label}: {target.Text}", "       ");
        }
    }

    public void WriteJson(Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("from", Workload.ToString());
        json.WriteString("namespace", Workload.Namespace);
        json.WriteString("name", Answer.Name);
        if (Port is { } port)
        {
            json.WriteNumber("port", port);
        }

        json.WriteString("resolver", Resolver);
        json.WriteStartArray("steps");
        foreach (var step in Answer.Steps)
        {
            json.WriteStartObject();
            json.WriteString("query", step.Query);
            json.WriteString("answer", step.Answer);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("outcome", Answer.Outcome.ToString());
        json.WriteString("result", Result());
        json.WriteStartArray("reaches");
        foreach (var line in Reaches)
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
        json.WriteBoolean("networkPolicyEnforced", NoVerdict != ConnectionVerdicts.NotEnforced);
        json.WriteStartArray("connections");
        if (Connection is not null)
        {
            ConnectionVerdicts.WriteJson(json, Connection, Targets);
        }

        json.WriteEndArray();
        json.WriteString("noVerdict", NoVerdict);

        json.WriteEndObject();
    }

    private string Result() => Answer.Outcome switch
    {
        DnsOutcome.NotFound => $"nothing: {Answer.Miss}",
        DnsOutcome.UnknownNamespace => "unknown: the name points into a namespace the input does not own",
        DnsOutcome.External when Elsewhere.Count > 0 =>
            $"nothing in the cluster: Service {Answer.Name} is in namespace {string.Join(", ", Elsewhere)}; write {string.Join(" or ", Elsewhere.Select(ns => $"{Answer.Name}.{ns}"))}",
        DnsOutcome.External => "not a cluster name: answered by the upstream resolver",
        _ => Answer.Describe(),
    };

    private IEnumerable<string> Destinations(ClusterSnapshot snapshot)
    {
        if (Answer.BuiltIn is { } builtIn)
        {
            yield return $"ports {string.Join(", ", builtIn.Ports)}" + PortCheck(builtIn.Ports);
        }
        else if (Answer.Pod is { } pod)
        {
            var ports = pod.Pod.Spec.RunningContainers.SelectMany(c => c.Ports).Where(p => p.Number is not null).Select(p => p.Number!.Value.Value).ToList();
            yield return ports.Count == 0 ? "the pod declares no ports" : $"the pod declares {string.Join(", ", ports)}" + PortCheck(ports);
        }
        else if (Answer.Service is { IsExternalName: false } service)
        {
            var resolution = snapshot.Resolve(service);
            if (!service.IsHeadless)
            {
                var exposed = service.Ports.Where(p => p.Port is not null).Select(p => p.Port!.Value.Value).ToList();
                if (Port is { } wanted && !exposed.Contains(wanted))
                {
                    yield return $"port {wanted} is not exposed (the Service exposes {string.Join(", ", exposed)})";
                }
            }

            foreach (var line in resolution.Ports.Where(p => Port is null || p.Port.Port?.Value == Port || service.IsHeadless).SelectMany(ServiceTable.Lines))
            {
                yield return line;
            }

            if (service.HasSelector && resolution.Selected.Count == 0)
            {
                yield return "the Service selects no pod";
            }
        }
    }

    private string PortCheck(IReadOnlyCollection<int> ports) =>
        Port is { } wanted && !ports.Contains(wanted) ? $"; port {wanted} is not among them" : string.Empty;
}
