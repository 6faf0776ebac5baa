using System.Globalization;
using System.Text.Json;
using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Core.Output;

/// <summary>
/// What the simulation sees for every Service, like <c>kubectl get endpoints</c> before anything exists:
/// per namespace, each Service with its type and selector, and per port where traffic lands. The JSON document
/// also carries, per namespace, the Ingresses and routes that send traffic in (<see cref="EntryTable"/>).
/// </summary>
internal static class ServiceTable
{
    public static void WriteText(ClusterSnapshot snapshot, TextWriter output)
    {
        var first = true;
        foreach (var group in Namespaces(snapshot))
        {
            output.WriteLine(first ? $"namespace {group.Key}" : $"{Environment.NewLine}namespace {group.Key}");
            first = false;
            foreach (var service in group)
            {
                TextWrap.WriteLine(output, "  ", $"{service.Name} ({Kind(service)}{Selector(service)})", "      ");
                foreach (var line in PortLines(snapshot, service))
                {
                    TextWrap.WriteLine(output, "    ", line, "        ");
                }
            }

            WriteSection(output, $"DNS records (zone {snapshot.Dns.Domain})", group.SelectMany(snapshot.Dns.RecordsOf).Select(r => $"{r.Name} {r.Type} -> {r.Answer}"));
            WriteSection(output, "node ports", group.SelectMany(service => NodePortLines(snapshot, service)));
        }

        if (first)
        {
            output.WriteLine("no Services in the input");
        }
    }

    private static void WriteSection(TextWriter output, string heading, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        output.WriteLine("  " + heading);
        foreach (var line in list)
        {
            TextWrap.WriteLine(output, "    ", line, "        ");
        }
    }

    /// <summary>The node ports a Service takes (or has allocated), each with the port it serves and whether allocation fails (KL207).</summary>
    private static IEnumerable<NodePortLine> NodePorts(ClusterSnapshot snapshot, ServiceObject service)
    {
        if (!service.AllowsNodePorts)
        {
            yield break;
        }

        foreach (var port in service.Ports.Where(p => p.Port is not null))
        {
            yield return new NodePortLine(service, port.NodePort is { Value: not 0 } n ? n.Value : null, port.Protocol, $"port {port}", snapshot.NodePorts.ConflictOf(port));
        }

        if (service is { Type: "LoadBalancer", ExternalTrafficPolicyNode.Value: "Local" })
        {
            yield return new NodePortLine(service, service.HealthCheckNodePort?.Value, "TCP", "load balancer health checks (healthCheckNodePort)", snapshot.NodePorts.HealthCheckConflictOf(service));
        }
    }

    private static IEnumerable<string> NodePortLines(ClusterSnapshot snapshot, ServiceObject service) =>
        NodePorts(snapshot, service).Select(n =>
            $"{n.Number?.ToString(CultureInfo.InvariantCulture) ?? "(allocated)"}/{n.Protocol}: Service {service.Name} {n.Serves}" +
            (n.TakenBy is { } owner ? $"; fails, already taken by Service {owner.Service.Name} (KL207)" : string.Empty));

    private sealed record NodePortLine(ServiceObject Service, int? Number, string Protocol, string Serves, NodePortClaim? TakenBy);

    public static void WriteJson(ClusterSnapshot snapshot, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("namespaces");
        var services = Namespaces(snapshot).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var entries = new EntryTable(snapshot);
        foreach (var ns in services.Keys.Concat(entries.Namespaces).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", ns);
            json.WriteStartArray("services");
            foreach (var service in services.TryGetValue(ns, out var list) ? list : [])
            {
                WriteService(json, snapshot, service);
            }

            json.WriteEndArray();
            json.WriteStartArray("nodePorts");
            foreach (var nodePort in (services.TryGetValue(ns, out var owners) ? owners : []).SelectMany(service => NodePorts(snapshot, service)))
            {
                json.WriteStartObject();
                json.WriteString("service", nodePort.Service.Name);
                json.WriteNumberOrNull("nodePort", nodePort.Number);

                json.WriteString("protocol", nodePort.Protocol);
                json.WriteString("serves", nodePort.Serves);
                json.WriteString("takenBy", nodePort.TakenBy?.Service.Name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            entries.WriteJson(json, ns);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static IEnumerable<IGrouping<string, ServiceObject>> Namespaces(ClusterSnapshot snapshot) =>
        snapshot.Services.GroupBy(s => s.Namespace).OrderBy(g => g.Key, StringComparer.Ordinal);

    private static string Kind(ServiceObject service) =>
        service.IsHeadless ? $"{service.Type}, headless" : service.IsExternalName ? $"ExternalName to {service.ExternalNameNode?.Value}" : service.Type;

    private static string Selector(ServiceObject service) =>
        service.HasSelector ? ", selector " + string.Join(",", service.Selector!.Select(p => $"{p.Key.Value}={p.Value.Value}")) : string.Empty;

    private static IEnumerable<string> PortLines(ClusterSnapshot snapshot, ServiceObject service)
    {
        if (WhyNoEndpoints(snapshot, service) is { } why)
        {
            yield return why;
            yield break;
        }

        foreach (var line in snapshot.Resolve(service).Ports.SelectMany(Lines))
        {
            yield return line;
        }
    }

    /// <summary>Why the Service has no endpoints on any port (ExternalName, no selector, selects no pod), or null.</summary>
    public static string? WhyNoEndpoints(ClusterSnapshot snapshot, ServiceObject service)
    {
        if (NoPorts(snapshot, service) is { } noPorts)
        {
            return noPorts;
        }

        if (!service.TypeKnown && !service.HasSelector)
        {
            return $"type \"{service.Type}\" is rejected by the API server (KL801): whether it needs endpoints is unknown";
        }

        if (service.IsExternalName)
        {
            return "a DNS alias: no endpoints, ports are not enforced";
        }

        if (service.SelectorRejected)
        {
            return "the API server rejects the selector (KL102, KL810): the Service is not created";
        }

        if (!service.HasSelector)
        {
            return snapshot.HasManualEndpoints(service) ? "no selector: endpoints written by hand in the input" : "no selector and no Endpoints: routes nowhere";
        }

        return snapshot.Resolve(service).Selected.Count == 0 ? "selects no pod" : null;
    }

    /// <summary>"no ports: the API server rejects the Service (KL805)" when it does, or null.</summary>
    public static string? NoPorts(ClusterSnapshot snapshot, ServiceObject service) =>
        snapshot.Validity(service).Rejections(ServiceCheck.Ports).Count > 0 ? "no ports: the API server rejects the Service (KL805)" : null;

    /// <summary>A service port as <c>port -> targetPort</c>, then where it lands on each selected pod (indented).</summary>
    public static IEnumerable<string> Lines(PortResolution port)
    {
        yield return $"{PortText(port.Port)} -> {TargetText(port.Port)}";
        foreach (var backend in port.Backends)
        {
            yield return $"  {Backend(port.Port, backend)}";
        }
    }

    private static string? TargetText(ServicePort port) => port.TargetPort?.ToString() ?? port.Port?.Value.ToString(CultureInfo.InvariantCulture);

    public static string PortText(ServicePort port)
    {
        var name = port.Name is null ? string.Empty : $" ({port.Name})";
        var nodePort = port.NodePort is { Value: not 0 } n ? $", nodePort {n.Value}" : string.Empty;
        return $"{port.Port?.Value}/{port.Protocol}{name}{nodePort}";
    }

    public static string Backend(ServicePort port, PortBackend backend)
    {
        var owner = backend.Pod.Owner.ToString();
        if (backend.TargetNumber is null)
        {
            return $"{owner}: no port named {port.TargetPort?.Name}/{port.Protocol}, no endpoint";
        }

        return backend.Declared is { } declared
            ? $"{owner}: container {backend.Container!.Name} {backend.TargetNumber}/{declared.Protocol}"
            : backend.OtherProtocol is { } other
                ? $"{owner}: port {backend.TargetNumber} is declared for {other.Protocol} only"
                : $"{owner}: port {backend.TargetNumber} (not declared by any container)";
    }

    private static void WriteService(Utf8JsonWriter json, ClusterSnapshot snapshot, ServiceObject service)
    {
        json.WriteStartObject();
        json.WriteString("name", service.Name);
        json.WriteString("type", service.Type);
        json.WriteBoolean("headless", service.IsHeadless);
        json.WriteStartObject("selector");
        foreach (var pair in service.Selector ?? [])
        {
            json.WriteString(pair.Key.Value, pair.Value.Value);
        }

        json.WriteEndObject();
        var resolution = snapshot.Resolve(service);
        json.WriteStartArray("selects");
        foreach (var owner in resolution.Selected.Select(t => t.Owner).Distinct())
        {
            json.WriteStringValue(owner.ToString());
        }

        json.WriteEndArray();
        json.WriteStartArray("ports");
        foreach (var port in resolution.Ports)
        {
            WritePort(json, port);
        }

        json.WriteEndArray();
        json.WriteStartArray("dnsRecords");
        foreach (var record in snapshot.Dns.RecordsOf(service))
        {
            json.WriteStartObject();
            json.WriteString("name", record.Name);
            json.WriteString("type", record.Type);
            json.WriteString("answer", record.Answer);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A service port and its endpoints as a JSON object: name, port, protocol, targetPort, endpoints.</summary>
    public static void WritePort(Utf8JsonWriter json, PortResolution port)
    {
        json.WriteStartObject();
        json.WriteString("name", port.Port.Name);
        if (port.Port.Port is { } number)
        {
            json.WriteNumber("port", number.Value);
        }

        json.WriteString("protocol", port.Port.Protocol);
        json.WriteString("targetPort", TargetText(port.Port));
        json.WriteStartArray("endpoints");
        foreach (var backend in port.Backends)
        {
            json.WriteStartObject();
            json.WriteString("workload", backend.Pod.Owner.ToString());
            json.WriteString("container", backend.Container?.Name);
            json.WriteNumberOrNull("port", backend.TargetNumber);

            json.WriteBoolean("declared", backend.Declared is not null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
