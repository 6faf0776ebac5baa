using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Ingress;

public sealed class DuplicateIngressPathRule() : Rule(new RuleDescriptor("KL605", "duplicate-ingress-path", "Two Ingress paths for the same request with different backends", Severity.Warning, "ingress"))
{
    public override void Check(RuleContext context)
    {
        // One controller serves a class cluster-wide: the same class, host, pathType and path in any namespace collide.
        var first = new Dictionary<Entry, IngressRoute>();
        foreach (var resolution in context.Snapshot.Ingress.Ingresses)
        {
            var ingress = resolution.Ingress;
            if (resolution.Class.Name is not { } className || IngressFacts.IsDefinedTwice(context.Snapshot, ingress) || !context.Snapshot.IsServed(ingress))
            {
                continue;
            }

            // Entries whose path (KL604), host or backend (KL817) the API server rejects take part in no comparison.
            foreach (var route in resolution.Routes.Where(r => r is { Path: not null, Backend: not null, IsValid: true, PathType: not null, HostRejected: false, BackendRejected: false }))
            {
                var key = new Entry(className, route.Host ?? string.Empty, route.PathType!, route.PathValue ?? string.Empty);
                if (!first.TryGetValue(key, out var earlier))
                {
                    first[key] = route;
                    continue;
                }

                if (Backend(earlier) == Backend(route))
                {
                    continue;
                }

                var host = route.Host ?? "every host";
                context.Report(route.Path!.Anchor,
                    $"{route.PathType} path {route.PathValue ?? "(none)"} on {host} of class {className} is already routed by {earlier.Ingress} to {Backend(earlier)}; this entry sends it to {Backend(route)}. " +
                    "Only one backend receives the requests and the controller decides which (ingress-nginx: the oldest Ingress; its admission webhook may refuse the newer). Remove one entry or give it another path or host",
                    related: [new RelatedLocation(earlier.Path!.Anchor, $"the same path in {earlier.Ingress}, to {Backend(earlier)}")]);
            }
        }
    }

    /// <summary>The backend as the controller sees it: namespace, Service and port (or the resource).</summary>
    private static string Backend(IngressRoute route) => $"{route.Ingress.Namespace}/{route.Backend}";

    /// <summary>What a controller routes by; a record, not a tuple, so that the dictionary runs precompiled code.</summary>
    private sealed record Entry(string Class, string Host, string PathType, string Path);
}
