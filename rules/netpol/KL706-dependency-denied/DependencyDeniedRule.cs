using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Netpol;

public sealed class DependencyDeniedRule() : Rule(new RuleDescriptor("KL706", "dependency-denied", "NetworkPolicy denies a connection the application is configured to make", Severity.Error, "netpol"))
{
    public override void Check(RuleContext context)
    {
        var snapshot = context.Snapshot;
        if (!snapshot.Options.NetworkPolicyEnforced || !snapshot.Policies.Any)
        {
            return;
        }

        foreach (var pod in snapshot.PodTemplates)
        {
            var source = snapshot.Policies.Endpoint(pod);
            foreach (var dependency in snapshot.Dependencies.Of(pod))
            {
                if (AnyDenied(snapshot, source, dependency))
                {
                    Report(context, pod, source, dependency);
                }
            }
        }
    }

    /// <summary>Reports the dependency when all its targets are denied, or some of one service port's (apart from the loop, whose pods need no closure).</summary>
    private static void Report(RuleContext context, PodTemplate pod, PolicyEndpoint source, Dependency dependency)
    {
        var snapshot = context.Snapshot;
        var ports = dependency.Ports.Select(targets => targets.Select(t => new TargetVerdict(t, snapshot.Dependencies.Verdict(source, t))).ToList()).ToList();
        var allDenied = ports.All(p => p.All(t => t.Verdict.Verdict == Core.Simulation.Verdict.No));
        var someDenied = ports.Count == 1 && ports[0].Any(t => t.Verdict.Verdict == Core.Simulation.Verdict.No);
        if (!allDenied && !someDenied)
        {
            return;
        }

        var denied = ports.SelectMany(p => p).Where(t => t.Verdict.Verdict == Core.Simulation.Verdict.No).ToList();
        var first = denied[0];
        var direction = first.Verdict.DeniedBy == PolicyDirection.Egress ? "egress" : "ingress";
        var side = Denials.DenyingSide(first.Verdict);
        var whom = first.Verdict.DeniedBy == PolicyDirection.Egress ? $"the pods of {pod.Owner}" : first.Target.Endpoint.ToString();
        var targets = Describe.List(denied.Select(t => $"{t.Target.Port}/{t.Target.Protocol}").Distinct());
        var message = $"{pod.Owner} connects to `{dependency.Reference.Host}` ({dependency.Reference.Where}), {dependency.Destination}" +
            (dependency.IsOutside ? string.Empty : $" (pods {Describe.List(denied.Select(t => t.Target.Endpoint.ToString()).Distinct())})") +
            $" on {targets}, but {(allDenied ? "NetworkPolicy denies it" : "NetworkPolicy denies it to some of the pods behind it")}: {Denials.Isolate(side.Isolating)} {whom} for {direction} and no {direction} rule allows it" +
            (side.Nearest is { } nearest ? $"; the nearest, {nearest}, does not match both the port and the peer" : string.Empty) +
            $". Add a{(direction == "egress" ? "n egress" : "n ingress")} rule for {targets} {(direction == "egress" ? $"to {dependency.Destination}" : $"from {pod.Owner}")}";
        var verdicts = ports.SelectMany(p => p).Select(t => t.Verdict).ToList();
        var sourceSide = verdicts.SelectMany(v => v.Egress.Isolating).ToList();
        var destinationSide = verdicts.SelectMany(v => v.Ingress.Isolating).ToList();
        var related = sourceSide.Concat(destinationSide).Distinct()
            .Select(p => new RelatedLocation(p.NameSpan, $"{p} isolates " + (sourceSide.Contains(p) && destinationSide.Contains(p) ? "the source and the destination" : sourceSide.Contains(p) ? "the source" : "the destination")))
            .Concat(denied.Select(t => t.Target.Endpoint.Pod).OfType<PodTemplate>().Distinct().Select(p => new RelatedLocation(p.Owner.NameSpan, $"{p.Owner}: the destination")));
        context.Report(dependency.Reference.Span, message, allDenied ? null : Severity.Warning, related);
    }

    /// <summary>Some target of the dependency is denied: most are not, and need no more than their verdicts.</summary>
    private static bool AnyDenied(Core.Simulation.ClusterSnapshot snapshot, PolicyEndpoint source, Dependency dependency)
    {
        foreach (var targets in dependency.Ports)
        {
            foreach (var target in targets)
            {
                if (snapshot.Dependencies.Verdict(source, target).Verdict == Core.Simulation.Verdict.No)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The verdict on one target; a record, not a tuple, so that the queries over it run precompiled code.</summary>
    private sealed record TargetVerdict(DependencyTarget Target, ConnectionVerdict Verdict);
}
