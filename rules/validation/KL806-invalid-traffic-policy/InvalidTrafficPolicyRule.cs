using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class InvalidTrafficPolicyRule() : ServiceValidationRule(new RuleDescriptor("KL806", "invalid-traffic-policy", "Service traffic policy or health check port the API server rejects", Severity.Error, "validation"), ServiceCheck.TrafficPolicy);
