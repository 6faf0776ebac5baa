using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class InvalidSessionAffinityRule() : ServiceValidationRule(
    new RuleDescriptor("KL807", "invalid-session-affinity", "Service session affinity the API server rejects or drops", Severity.Error, "validation"), ServiceCheck.SessionAffinity)
{
    // A config the API server drops in defaulting is accepted, so it is a warning, not an error.
    protected override void ReportMore(RuleContext context, ServiceValidity validity)
    {
        foreach (var dropped in validity.Dropped)
        {
            context.Report(dropped.Span, dropped.Message, Severity.Warning);
        }
    }
}
