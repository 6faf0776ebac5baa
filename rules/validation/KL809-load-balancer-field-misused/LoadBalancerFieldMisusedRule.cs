using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class LoadBalancerFieldMisusedRule() : ServiceValidationRule(new RuleDescriptor("KL809", "load-balancer-field-misused", "LoadBalancer-only field on another Service type, or an invalid source range", Severity.Error, "validation"), ServiceCheck.LoadBalancer);
