using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class InvalidServiceTypeRule() : ServiceValidationRule(new RuleDescriptor("KL801", "invalid-service-type", "Service type the API server rejects", Severity.Error, "validation"), ServiceCheck.Type);
