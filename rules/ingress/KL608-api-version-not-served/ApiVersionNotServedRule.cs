using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Ingress;

public sealed class ApiVersionNotServedRule() : Rule(new RuleDescriptor("KL608", "api-version-not-served", "API version the cluster no longer serves", Severity.Error, "ingress"))
{
    public override void Check(RuleContext context)
    {
        var target = context.Snapshot.Options.KubernetesVersion;
        foreach (var obj in context.Snapshot.Objects)
        {
            if (ServedVersions.RemovedIn(obj.ApiVersion, obj.Kind) is not { } removed || target < removed || obj.ApiVersionNode is not { } node)
            {
                continue;
            }

            var changes = obj.Kind switch
            {
                "Ingress" => ". In v1: `spec.backend` → `spec.defaultBackend`, `serviceName` → `service.name`, numeric `servicePort` → `service.port.number`, named `servicePort` → `service.port.name`, and `pathType` is required (`ImplementationSpecific` keeps the v1beta1 behaviour)",
                "IngressClass" => "; the v1 fields are the same",
                _ => "; the v1 fields are the same (check that `policyTypes` says what the policy is meant to isolate)",
            };
            context.Report(node.Span,
                $"{obj} uses {obj.ApiVersion}, which Kubernetes no longer serves since {removed.Major}.{removed.Minor} (target {target.Major}.{target.Minor}): `kubectl apply` fails with \"no matches for kind {obj.Kind} in version {obj.ApiVersion}\". Use networking.k8s.io/v1{changes}");
        }
    }
}
