using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class InvalidExternalIPRule() : ServiceValidationRule(new RuleDescriptor("KL808", "invalid-external-ip", "Service externalIPs item the API server rejects", Severity.Error, "validation"), ServiceCheck.ExternalIPs);
