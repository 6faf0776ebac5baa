using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class DocumentNotAManifestRule : InputProblemRule
{
    public static readonly RuleDescriptor Rule = new("KL002", "document-not-a-manifest", "Document is not a Kubernetes manifest", Severity.Note, "input");

    public override RuleDescriptor Descriptor => Rule;

    protected override ProblemKind Kind => ProblemKind.NotAManifest;
}
