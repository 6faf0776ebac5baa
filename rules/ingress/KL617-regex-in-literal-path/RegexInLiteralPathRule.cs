using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Ingress;

public sealed class RegexInLiteralPathRule() : Rule(new RuleDescriptor("KL617", "regex-in-literal-path", "Regular expression in an Exact or Prefix path", Severity.Warning, "ingress"))
{
    private static readonly char[] RegexCharacters = "()[]{}*+?^$\\|".ToCharArray();

    public override void Check(RuleContext context)
    {
        foreach (var resolution in context.Snapshot.Ingress.Ingresses)
        {
            foreach (var route in resolution.Routes)
            {
                // Most paths hold no such character: they are passed over without a list.
                if (route.Path?.Path is not { } path || route.PathType is not ("Exact" or "Prefix") ||
                    path.Value.IndexOfAny(RegexCharacters) < 0 || !route.IsValid)
                {
                    continue;
                }

                var found = path.Value.Where(c => Array.IndexOf(RegexCharacters, c) >= 0).Distinct().ToList();

                context.Report(path.Span,
                    $"path \"{path.Value}\" of {route.Ingress} has pathType {route.PathType} but contains {Describe.List(found.Select(c => $"`{c}`"))}: {route.PathType} paths match literally, so no request matches the pattern, and ingress-nginx's admission webhook refuses it (cannot be used with pathType {route.PathType}). Write the literal path, or use pathType ImplementationSpecific with the controller's regex option (ingress-nginx: nginx.ingress.kubernetes.io/use-regex: \"true\")");
            }
        }
    }
}
