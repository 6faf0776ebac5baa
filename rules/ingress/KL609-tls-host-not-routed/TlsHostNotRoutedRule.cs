using Linter.Core.Rules;

namespace Linter.Rules.Ingress;

public sealed class TlsHostNotRoutedRule() : Rule(new RuleDescriptor("KL609", "tls-host-not-routed", "TLS host that no rule of the Ingress serves", Severity.Note, "ingress"))
{
    public override void Check(RuleContext context)
    {
        foreach (var resolution in context.Snapshot.Ingress.Ingresses)
        {
            var ingress = resolution.Ingress;
            // A rule host KL817 rejects is unknown: the TLS host may be the one it was meant to be.
            var validity = resolution.Validity;
            if (ingress.DefaultBackend is not null || ingress.Rules.Count == 0 || ingress.Rules.Any(r => r.Host is not { Value.Length: > 0 } || validity.RejectsHost(r)))
            {
                continue;
            }

            var hosts = ingress.Rules.Select(r => r.Host!.Value.ToLowerInvariant()).Distinct().ToList();
            foreach (var tlsHost in ingress.Tls.SelectMany(t => t.Hosts))
            {
                var name = tlsHost.Value.ToLowerInvariant();
                if (name.Length == 0 || validity.RejectsTlsHost(tlsHost) || hosts.Any(h => h == name || Matches(h, name) || Matches(name, h)))
                {
                    continue;
                }

                context.Report(tlsHost.Span,
                    $"TLS host {tlsHost.Value} of {ingress} is served by none of its rules ({Describe.List(hosts)}): the certificate is set up for a host this Ingress does not route. Add a rule for {tlsHost.Value}, or remove it from spec.tls (a typo of a rule host?)");
            }
        }
    }

    /// <summary>An Ingress wildcard (<c>*.example.com</c>) matches names with exactly one more label.</summary>
    private static bool Matches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(pattern.Substring(1), StringComparison.Ordinal) &&
        host.Length > pattern.Length - 1 && host.IndexOf('.') == host.Length - pattern.Length + 1;
}
