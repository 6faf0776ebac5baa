namespace Linter.Core.Rules;

/// <summary>
/// A check over the simulated cluster. Rules are small, sealed, stateless and do no I/O: they read the
/// snapshot from the context and report findings to it.
/// </summary>
public abstract class Rule(RuleDescriptor descriptor)
{
    public RuleDescriptor Descriptor { get; } = descriptor;

    /// <summary>The rule reviews the other rules' findings after suppressions are applied (KL008); it runs last.</summary>
    public virtual bool RunsAfterSuppressions => false;

    public abstract void Check(RuleContext context);
}
