using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class DocumentNotAManifestRule() : InputProblemRule(new RuleDescriptor("KL002", "document-not-a-manifest", "Document is not a Kubernetes manifest", Severity.Note, "input"), ProblemKind.NotAManifest);
