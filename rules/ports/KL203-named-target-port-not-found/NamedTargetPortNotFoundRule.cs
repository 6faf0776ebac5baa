using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Ports;

public sealed class NamedTargetPortNotFoundRule() : Rule(new RuleDescriptor("KL203", "named-target-port-not-found", "Named targetPort not found on the selected pods", Severity.Error, "ports"))
{
    public override void Check(RuleContext context)
    {
        foreach (var (service, resolution) in PortFacts.ResolvedServicePorts(context.Snapshot))
        {
            var port = resolution.Port;
            if (port.TargetPort is not { Name: { } name } target)
            {
                continue;
            }

            var missing = resolution.Backends.Where(b => b.TargetNumber is null && b.Declared is null).Select(b => b.Pod).Distinct().ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var some = missing.Count < resolution.Backends.Select(b => b.Pod).Distinct().Count();
            var message = $"targetPort `{name}` ({port.Protocol}) is not a port name of {Describe.List(missing.Select(p => p.Owner.ToString()).Distinct())}";
            message += some
                ? ", so those pods get no endpoint for this port while the other selected pods do"
                : ", so the Service has no endpoint for this port";
            message += Hint(name, port.Protocol, missing);
            var (entries, entryLocations) = some ? (string.Empty, []) : PortFacts.EntriesTo(context.Snapshot, service, resolution, "will answer 503");
            context.Report(target.Node.Span, message + entries, some ? Severity.Warning : null,
                missing.Select(p => new RelatedLocation(p.Owner.NameSpan, $"{p.Owner} declares {Describe.DeclaredPorts(p)}")).Concat(entryLocations));
        }
    }

    private static string Hint(string name, string protocol, IReadOnlyList<PodTemplate> pods)
    {
        var declared = pods.SelectMany(Describe.DeclaredPortList).ToList();
        var otherProtocol = declared.FirstOrDefault(p => p.Name == name);
        if (otherProtocol is not null)
        {
            return $". `{name}` is declared for {otherProtocol.Protocol}, and a named port matches by name and protocol: set `protocol: {otherProtocol.Protocol}` on the service port or declare the port for {protocol}";
        }

        var names = declared.Where(p => p.Name is not null && p.Protocol == protocol).Select(p => p.Name!).Distinct().ToList();
        var nearest = EditDistance.Nearest(name, names);
        if (nearest is not null)
        {
            return $"; did you mean `{nearest}`?";
        }

        return names.Count > 0
            ? $"; the pods declare {Describe.List(names.Select(n => $"`{n}`"))}"
            : "; name the container port (ports[].name) or use the port number";
    }
}
