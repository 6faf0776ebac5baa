using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Ingress;

public sealed class InvalidIngressPathRule() : Rule(new RuleDescriptor("KL604", "invalid-ingress-path", "Ingress path the API server rejects", Severity.Error, "ingress"))
{
    public override void Check(RuleContext context)
    {
        foreach (var resolution in context.Snapshot.Ingress.Ingresses)
        {
            var ingress = resolution.Ingress;
            foreach (var path in ingress.Paths)
            {
                if (IngressPaths.Rejection(ingress, path) is not { } rejection)
                {
                    continue;
                }

                var field = path.Path is null ? "(no path)" : $"\"{path.Path.Value}\"";
                if (path.PathType is null)
                {
                    context.Report(path.Span,
                        $"path {field} of {ingress} has no pathType: the API server rejects the Ingress (pathType must be specified). Add `pathType: Prefix` (or Exact; ImplementationSpecific keeps the controller's own matching)");
                }
                else if (!IngressPaths.PathTypes.Contains(path.PathType.Value))
                {
                    var near = IngressPaths.PathTypes.FirstOrDefault(t => string.Equals(t, path.PathType.Value, StringComparison.OrdinalIgnoreCase));
                    var hint = near is null ? "use Exact, Prefix or ImplementationSpecific" : $"did you mean `{near}`? pathType is case-sensitive";
                    context.Report(path.PathType.Span,
                        $"pathType \"{path.PathType.Value}\" of path {field} in {ingress} is not supported: the API server rejects the Ingress (supported values: \"Exact\", \"ImplementationSpecific\", \"Prefix\"); {hint}");
                }
                else
                {
                    context.Report(path.Anchor,
                        $"path {field} ({path.PathType.Value}) of {ingress} {rejection}: the API server rejects the Ingress. {Fix(path.PathType.Value, rejection)}");
                }
            }
        }
    }

    private static string Fix(string pathType, string rejection) => rejection switch
    {
        "must be an absolute path" => "Start the path with `/`",
        _ when pathType == "ImplementationSpecific" => "Start the path with `/`",
        _ => $"Write the path in its normal form ({pathType} paths are compared literally, element by element)",
    };
}
