namespace Linter.Core.Rules;

/// <summary>
/// A check over the simulated cluster. Rules are small, sealed, stateless and do no I/O: they read the
/// snapshot from the context and report findings to it.
/// </summary>
/// <param name="descriptor">The rule's id, slug, title, default severity and family.</param>
public abstract class Rule(RuleDescriptor descriptor)
{
    /// <summary>The rule's identity and defaults.</summary>
    public RuleDescriptor Descriptor { get; } = descriptor;

    /// <summary>The rule reviews the other rules' findings after suppressions are applied (KL008); it runs last.</summary>
    public virtual bool RunsAfterSuppressions => false;

    /// <summary>
    /// Checks the simulated cluster (<see cref="RuleContext.Snapshot"/>) and reports each problem with
    /// <see cref="RuleContext.Report"/>. Called once per run, possibly on several threads for different rules.
    /// </summary>
    public abstract void Check(RuleContext context);
}
