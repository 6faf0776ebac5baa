using Linter.Core.Rules;
using Linter.Core.Simulation.Dns;

namespace Linter.Rules.Protocols;

public sealed class PingToServiceRule() : Rule(new RuleDescriptor("KL501", "ping-to-service", "ping aimed at a Service's virtual IP", Severity.Warning, "protocols"))
{
    public override void Check(RuleContext context)
    {
        foreach (var reference in context.Snapshot.Names.All.Where(r => r.IsPingTarget && r.Answer.IsVirtualIp))
        {
            var port = reference.Answer.Service?.Ports.FirstOrDefault(p => p.Port is not null)?.Port?.Value ?? reference.Answer.BuiltIn?.Ports[0];
            var check = port is null ? "a TCP check such as `nc -z HOST PORT`" : $"`nc -z {reference.Host} {port}`";
            var target = HostSyntax.IsIpAddress(reference.Host) ? $"the cluster IP of {reference.Answer.Describe()}" : reference.Answer.Describe();
            context.Report(reference.Span,
                $"`{reference.Program ?? "ping"} {reference.Host}` ({reference.Where}) targets {target}, a virtual IP that carries only its TCP, UDP and SCTP ports: ICMP echo is dropped (iptables, nftables) or rejected (ipvs), so {reference.Program ?? "ping"} fails even when the Service works. Use {check}, or a tcpSocket or httpGet probe");
        }
    }
}
