using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class ServiceWithoutPortsRule() : ServiceValidationRule(new RuleDescriptor("KL805", "service-without-ports", "Service without ports", Severity.Error, "validation"), ServiceCheck.Ports);
