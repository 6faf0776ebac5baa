using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Ports;

public sealed class InvalidPortNameRule() : Rule(new RuleDescriptor("KL213", "invalid-port-name", "Invalid port name", Severity.Error, "ports"))
{
    public override void Check(RuleContext context)
    {
        foreach (var service in context.Snapshot.Services)
        {
            foreach (var port in service.Ports)
            {
                if (port.Name is { Length: > 0 } name && NameValidation.Dns1123Label(name) is { Count: > 0 } errors)
                {
                    Report(context, port.NameNode!, "service port name", errors, "a DNS-1123 label (lowercase letters, digits and '-', at most 63 characters)");
                }

                if (port.TargetPort is { Name: { } target } targetPort && NameValidation.IanaServiceName(target) is { Count: > 0 } targetErrors)
                {
                    Report(context, targetPort.Node, "named targetPort", targetErrors, IanaHint(target, targetPort.Node));
                }
            }
        }

        foreach (var template in context.Snapshot.PodTemplates)
        {
            foreach (var container in template.Spec.AllContainers)
            {
                // A name can repeat only among two ports or more.
                var seen = container.Ports.Count > 1 ? new Dictionary<string, ScalarNode>(StringComparer.Ordinal) : null;
                foreach (var port in container.Ports)
                {
                    if (port.Name is not { } text)
                    {
                        continue;
                    }

                    if (NameValidation.IanaServiceName(text) is { Count: > 0 } errors)
                    {
                        Report(context, port.NameNode!, "container port name", errors, IanaHint(text, port.NameNode!));
                    }

                    if (seen is null)
                    {
                        continue;
                    }

                    var name = port.NameNode!;
                    if (seen.TryGetValue(text, out var first))
                    {
                        context.Report(name.Span,
                            $"container {container.Name} of {template.Owner} declares the port name `{text}` twice (first on line {first.Span.Line}); the API server rejects duplicate names within a container",
                            related: [new(first.Span, $"first `{text}`")]);
                    }
                    else
                    {
                        seen[text] = name;
                    }
                }
            }
        }
    }

    private static string IanaHint(string name, ScalarNode node) =>
        node.IsQuoted && int.TryParse(name, out var n)
            ? $"an IANA service name; \"{name}\" is quoted, so it is a name, not a number: write `{n}` without quotes"
            : "an IANA service name (at most 15 characters: lowercase letters, digits and single '-' inside, at least one letter)";

    private static void Report(RuleContext context, ScalarNode name, string what, IReadOnlyList<string> errors, string expected) =>
        context.Report(name.Span, $"{what} `{name.Value}` is invalid: it {string.Join("; it ", errors)}. It must be {expected}");
}
