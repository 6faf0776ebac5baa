using Linter.Core.Rules;
using Linter.Core.Model;
using Linter.Core.Simulation;

namespace Linter.Rules.Ports;

/// <summary>Facts about ports that several port rules share, so each bad value is judged once (RULES.md ground rule 4).</summary>
internal static class PortFacts
{
    public static bool IsValidProtocol(string protocol) => protocol is "TCP" or "UDP" or "SCTP";

    public static bool IsValidNumber(int port) => port is >= 1 and <= 65535;

    /// <summary>The service port is well formed enough to simulate: a valid number and protocol.</summary>
    public static bool CanResolve(ServicePort port) =>
        port.Port is { Value: var n } && IsValidNumber(n) && IsValidProtocol(port.Protocol) &&
        (port.TargetPort is not { Number: { } t } || t == 0 || IsValidNumber(t)) &&
        (port.TargetPort is not { Name: { } name } || NameValidation.IanaServiceName(name).Count == 0);

    /// <summary>The port resolutions of selector-backed Services worth checking: resolvable ports with at least one selected pod.</summary>
    public static IEnumerable<PortResolution> ResolvedPorts(ClusterSnapshot snapshot) => ResolvedServicePorts(snapshot).Select(p => p.Port);

    /// <summary><see cref="ResolvedPorts"/>, each with the resolution of its whole Service.</summary>
    public static IEnumerable<(ServiceResolution Service, PortResolution Port)> ResolvedServicePorts(ClusterSnapshot snapshot)
    {
        // Several port rules walk every Service's ports: one iterator per walk, not a closure and an iterator per Service.
        foreach (var service in snapshot.Services)
        {
            var resolution = snapshot.Resolve(service);
            if (resolution.Selected.Count == 0)
            {
                continue;
            }

            for (var i = 0; i < resolution.Ports.Count; i++)
            {
                if (CanResolve(resolution.Ports[i].Port))
                {
                    yield return (resolution, resolution.Ports[i]);
                }
            }
        }
    }

    /// <summary>Some selected pod declares container ports at all (otherwise nothing is known about what they listen on).</summary>
    public static bool PodsDeclarePorts(PortResolution resolution) =>
        resolution.Backends.Any(b => b.Pod.Spec.RunningContainers.Any(c => c.Ports.Count > 0));

    /// <summary>No selected pod declares the target number, whatever the protocol.</summary>
    public static bool NumberUndeclared(PortResolution resolution) =>
        resolution.Backends.All(b => b.Declared is null && b.OtherProtocol is null);

    /// <summary>
    /// Some selected pod evidently listens on the target number though none declares it: its command, args or
    /// env, or a ConfigMap it reads, names the number in a listening context (<see cref="ServedPorts"/>).
    /// </summary>
    public static bool EvidentlyServed(ClusterSnapshot snapshot, PortResolution resolution) =>
        resolution.Backends.Any(b => b.TargetNumber is { } number && snapshot.Served.Serves(b.Pod, number));

    /// <summary>
    /// What a message may say about a new <c>targetPort</c>. <see cref="TargetAdvice.Candidate"/> is a declared port
    /// to name, when exactly one fits: it has the service port's protocol, every selected pod declares it (by its name
    /// when it has a valid one, else by number), no other port of the Service targets its number (that port is someone
    /// else's), and it is not named for metrics, health or administration unless the service port is too.
    /// <see cref="TargetAdvice.AllTaken"/>: every declared port of the protocol is another service port's target, so
    /// there is nothing to point at. Messages name a candidate only as "if that is where the application listens",
    /// next to the fix that cannot break a working Service: declaring the target number.
    /// </summary>
    public static TargetAdvice AdviseTarget(ServiceResolution service, PortResolution resolution)
    {
        var taken = new HashSet<int>(service.Ports.Where(p => p != resolution).SelectMany(p => p.Backends).Select(b => b.TargetNumber).OfType<int>());
        var protocol = resolution.Port.Protocol;
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        var free = false;
        var pods = resolution.Backends.Select(b => b.Pod).Distinct().ToList();
        foreach (var port in pods.SelectMany(Describe.DeclaredPortList))
        {
            if (port.Protocol != protocol || port.Number is not { Value: var number } || !IsValidNumber(number) || taken.Contains(number))
            {
                continue;
            }

            free = true;
            if (IsAuxiliary(port.Name) && !IsAuxiliary(resolution.Port.Name))
            {
                continue;
            }

            var byName = port.Name is { } name && NameValidation.IanaServiceName(name).Count == 0;
            var everywhere = pods.All(pod => Describe.DeclaredPortList(pod).Any(other => other.Protocol == protocol &&
                (byName ? other.Name == port.Name : other.Number?.Value == number)));
            if (everywhere)
            {
                candidates.Add(byName ? port.Name! : number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return new TargetAdvice(candidates.Count == 1 ? candidates.First() : null, !free);
    }

    /// <summary>A port named for metrics, health or administration: not where a service port for traffic belongs.</summary>
    private static bool IsAuxiliary(string? name) =>
        name is not null && AuxiliaryWords.Any(w => name.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0);

    private static readonly string[] AuxiliaryWords = ["metric", "health", "admin", "debug", "prom", "probe", "monitor", "status", "pprof", "stats"];

    /// <summary>". Requests to shop.example.com/api (Ingress shop) {outcome}" for the entries that reach the service port, and the entries as related locations.</summary>
    public static (string Message, IEnumerable<RelatedLocation> Related) EntriesTo(ClusterSnapshot snapshot, ServiceResolution service, PortResolution resolution, string outcome) =>
        Describe.Entries(snapshot.Entries.To(service.Service, resolution.Port), outcome);

    public static string DeclaredByPods(PortResolution resolution) =>
        Describe.List(resolution.Backends.Select(b => b.Pod).Distinct().Select(p => $"{p.Owner} declares {Describe.DeclaredPorts(p)}"));
}

/// <summary>See <see cref="PortFacts.AdviseTarget"/>.</summary>
internal readonly record struct TargetAdvice(string? Candidate, bool AllTaken);
