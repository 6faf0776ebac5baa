using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class ServicePortUnnamedRule() : Rule(new RuleDescriptor("KL208", "service-port-unnamed", "Unnamed port in a multi-port Service", Severity.Error, "ports"))
{
    public override void Check(RuleContext context)
    {
        foreach (var service in context.Snapshot.Services.Where(s => s.Ports.Count > 1))
        {
            foreach (var port in service.Ports.Where(p => string.IsNullOrEmpty(p.Name)))
            {
                var which = port.Port is { } number ? $"port {number.Value}" : $"port item {port.Index + 1}";
                var example = port.Port?.Value switch { 80 or 8080 => "http", 443 or 8443 => "https", { } n => $"port-{n}", null => "tcp" };
                context.Report(port.Anchor,
                    $"{service} has {service.Ports.Count} ports, so each needs a name, and {which} has none; the API server rejects the Service. Add e.g. `name: {example}`");
            }
        }
    }
}
