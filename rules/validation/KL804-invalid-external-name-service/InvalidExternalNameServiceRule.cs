using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class InvalidExternalNameServiceRule() : ServiceValidationRule(new RuleDescriptor("KL804", "invalid-external-name-service", "ExternalName Service with fields it may not have, or without externalName", Severity.Error, "validation"), ServiceCheck.ExternalName);
