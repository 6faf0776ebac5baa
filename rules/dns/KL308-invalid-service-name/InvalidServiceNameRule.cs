using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Dns;

public sealed class InvalidServiceNameRule() : Rule(new RuleDescriptor("KL308", "invalid-service-name", "Service name is not a DNS-1035 label", Severity.Error, "dns"))
{
    public override void Check(RuleContext context)
    {
        var relaxed = context.Snapshot.Options.KubernetesVersion >= ServiceValidation.RelaxedNamesSince;
        foreach (var service in context.Snapshot.Services.Where(s => s.NameNode is not null && s.Name.Length > 0))
        {
            var errors = NameValidation.ServiceName(service.Name, relaxed);
            if (errors.Count > 0)
            {
                var hint = NameValidation.ServiceNameSuggestion(service.Name, relaxed) is { } suggestion ? $"; e.g. `{suggestion}`" : string.Empty;
                context.Report(service.NameNode!.Span,
                    $"Service name `{service.Name}` is invalid: {string.Join("; ", errors)}. It becomes a DNS label, so the API server rejects it: a Service name is {NameValidation.ServiceNameVersionNote(relaxed)}{hint}");
            }
        }
    }
}
