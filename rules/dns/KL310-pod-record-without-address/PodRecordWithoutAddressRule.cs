using Linter.Core.Rules;
using Linter.Core.Simulation.Dns;

namespace Linter.Rules.Dns;

public sealed class PodRecordWithoutAddressRule() : Rule(new RuleDescriptor("KL310", "pod-record-without-address", "Pod record name without a pod address", Severity.Warning, "dns"))
{
    public override void Check(RuleContext context)
    {
        foreach (var reference in context.Snapshot.Names.All)
        {
            if (context.Snapshot.Dns.PodRecordLabel(reference.Host) is { } label && !HostSyntax.IsDashedAddress(label))
            {
                context.Report(reference.Span,
                    $"`{reference.Host}` ({reference.Where}) has the form of a pod record `<address>.<namespace>.pod`, but `{label}` is not a pod address written with dashes (`10-244-1-7`): CoreDNS answers pod records only for such addresses (and only with its `pods` option), so the name never resolves. Use a Service name, `<hostname>.<subdomain>` of a pod behind a headless Service, or `<pod>.<service>` of a StatefulSet");
            }
        }
    }
}
