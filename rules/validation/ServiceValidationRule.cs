using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

/// <summary>
/// Reports what the API server rejects in one group of Service fields, as the snapshot's <see cref="ServiceValidity"/>
/// computed it (the simulation has left those fields out).
/// </summary>
public abstract class ServiceValidationRule(RuleDescriptor descriptor, ServiceCheck check) : Rule(descriptor)
{
    public override void Check(RuleContext context)
    {
        foreach (var validity in context.Snapshot.Services.Select(context.Snapshot.Validity))
        {
            foreach (var rejection in validity.Rejections(check))
            {
                context.Report(rejection.Span, rejection.Message);
            }

            ReportMore(context, validity);
        }
    }

    /// <summary>Findings of this rule besides rejections.</summary>
    protected virtual void ReportMore(RuleContext context, ServiceValidity validity)
    {
    }
}
