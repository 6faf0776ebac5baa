using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class InvalidHostAliasRule() : PodFieldRule(new RuleDescriptor(
    "KL816", "invalid-host-alias", "hostAliases entry the API server rejects", Severity.Error, "validation"), PodField.HostAliases);
