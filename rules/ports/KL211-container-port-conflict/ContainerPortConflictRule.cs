using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class ContainerPortConflictRule() : Rule(new RuleDescriptor("KL211", "container-port-conflict", "Two containers of one pod declare the same port", Severity.Warning, "ports"))
{
    public override void Check(RuleContext context)
    {
        // Most pods run one container, which has nothing to clash with.
        foreach (var template in context.Snapshot.PodTemplates.Where(t => t.Spec.RunningContainers.Skip(1).Any()))
        {
            var seen = new Dictionary<(int, string), (Container Container, ContainerPort Port)>();
            // Sidecars start before the app containers, so a clash is the app container's to fix.
            foreach (var container in template.Spec.InitContainers.Where(c => c.IsSidecar).Concat(template.Spec.Containers))
            {
                foreach (var port in container.Ports)
                {
                    if (port.Number is not { } number || !PortFacts.IsValidNumber(number.Value) || !PortFacts.IsValidProtocol(port.Protocol))
                    {
                        continue;
                    }

                    var key = (number.Value, port.Protocol);
                    if (!seen.TryGetValue(key, out var first))
                    {
                        seen[key] = (container, port);
                    }
                    else if (first.Container != container)
                    {
                        context.Report(number.Node.Span,
                            $"containers {first.Container.Name} and {container.Name} of {template.Owner} both declare {number.Value}/{port.Protocol}; containers of a pod share one network namespace, so only one of them can listen on it. Move one to another port",
                            related: [new(first.Port.Span, $"{number.Value}/{port.Protocol} of container {first.Container.Name}")]);
                    }
                }
            }
        }
    }
}
