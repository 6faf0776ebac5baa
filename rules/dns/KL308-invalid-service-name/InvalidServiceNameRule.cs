using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Dns;

public sealed class InvalidServiceNameRule() : Rule(new RuleDescriptor("KL308", "invalid-service-name", "Service name is not a DNS-1035 label", Severity.Error, "dns"))
{
    public override void Check(RuleContext context)
    {
        foreach (var service in context.Snapshot.Services.Where(s => s.NameNode is not null && s.Name.Length > 0))
        {
            var errors = NameValidation.Dns1035Label(service.Name);
            if (errors.Count > 0)
            {
                var suggestion = service.Name.ToLowerInvariant().Replace('.', '-').Replace('_', '-').Trim('-');
                var hint = suggestion != service.Name && NameValidation.Dns1035Label(suggestion).Count == 0 ? $"; e.g. `{suggestion}`" : string.Empty;
                context.Report(service.NameNode!.Span,
                    $"Service name `{service.Name}` is invalid: {string.Join("; ", errors)}. It becomes a DNS label, so the API server rejects it (clusters with the RelaxedServiceNameValidation feature gate accept a leading digit){hint}");
            }
        }
    }
}
