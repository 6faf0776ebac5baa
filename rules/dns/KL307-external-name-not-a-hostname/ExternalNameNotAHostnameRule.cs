using Linter.Core.Rules;
using Linter.Core.Simulation.Dns;

namespace Linter.Rules.Dns;

public sealed class ExternalNameNotAHostnameRule() : Rule(new RuleDescriptor("KL307", "external-name-not-a-hostname", "ExternalName is not a host name", Severity.Warning, "dns"))
{
    public override void Check(RuleContext context)
    {
        foreach (var service in context.Snapshot.Services.Where(s => s.IsExternalName && s.ExternalNameNode is not null))
        {
            var node = service.ExternalNameNode!;
            var name = node.Value.EndsWith(".", StringComparison.Ordinal) ? node.Value.Substring(0, node.Value.Length - 1) : node.Value;
            if (!IsDns1123Subdomain(name))
            {
                context.Report(node.Span,
                    $"externalName `{node.Value}` of {service} is not a valid DNS name (a lowercase RFC 1123 subdomain: labels of lowercase letters, digits and '-', separated by dots); the API server rejects it",
                    Severity.Error);
            }
            else if (HostSyntax.IsIpAddress(name))
            {
                context.Report(node.Span,
                    $"externalName `{node.Value}` of {service} is an IP address: cluster DNS publishes it as a CNAME, which CoreDNS does not answer for an IP. Use a Service without selector and an EndpointSlice with that address");
            }
        }
    }

    private static bool IsDns1123Subdomain(string name) =>
        name.Length is > 0 and <= 253 && name.Split('.').All(label => label.Length is > 0 and <= 63 &&
            label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && label[0] != '-' && label[label.Length - 1] != '-');
}
