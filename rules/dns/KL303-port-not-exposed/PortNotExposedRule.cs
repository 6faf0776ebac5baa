using System.Globalization;
using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation.Dns;

namespace Linter.Rules.Dns;

public sealed class PortNotExposedRule() : Rule(new RuleDescriptor("KL303", "port-not-exposed", "Name used with a port its target does not expose", Severity.Warning, "dns"))
{
    public override void Check(RuleContext context)
    {
        foreach (var reference in context.Snapshot.Names.All)
        {
            // A pod is reachable on any port and its containerPorts are informational: only a port written
            // out is checked against them, not one a URL scheme implies.
            var reachesPods = reference.Answer.Pod is not null || reference.Answer.Service is { IsHeadless: true };
            if (reference.Port is not { } port || (reachesPods && reference.PortSpan is null) ||
                Exposed(context, reference.Answer) is not { } exposed || exposed.Count == 0 || exposed.Contains(port))
            {
                continue;
            }

            var written = reference.PortSpan is null ? $"port {port} (the default of its scheme)" : $"port {port}";
            var ports = Describe.List(exposed.OrderBy(p => p).Select(p => p.ToString(CultureInfo.InvariantCulture)));
            var suggestion = exposed.Count == 1 ? $"use port {exposed.First()}" : $"use one of {ports}";
            context.Report(reference.PortSpan ?? reference.Span,
                $"`{reference.Host}` ({reference.Where}) is used with {written}, but {reference.Answer.Describe()} exposes {ports}; connections to {port} are not forwarded. {char.ToUpperInvariant(suggestion[0])}{suggestion.Substring(1)}, or add the port to the Service");
        }
    }

    /// <summary>The ports clients can reach through the answer; null when unknown or not checked.</summary>
    private static HashSet<int>? Exposed(RuleContext context, DnsAnswer answer)
    {
        if (answer.BuiltIn is { } builtIn)
        {
            return [.. builtIn.Ports];
        }

        if (answer.Pod is { } pod)
        {
            return DeclaredPorts(pod.Pod);
        }

        if (answer.Service is not { IsExternalName: false } service)
        {
            return null;
        }

        if (!service.IsHeadless)
        {
            return [.. service.Ports.Where(p => p.Port is not null).Select(p => p.Port!.Value.Value)];
        }

        var pods = context.Snapshot.Resolve(service).Selected;
        return pods.Count == 0 ? null : [.. pods.SelectMany(p => DeclaredPorts(p))];
    }

    private static HashSet<int> DeclaredPorts(PodTemplate pod) =>
        [.. pod.Spec.RunningContainers.SelectMany(c => c.Ports).Where(p => p.Number is not null).Select(p => p.Number!.Value.Value)];
}
