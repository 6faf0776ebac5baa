using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class InvalidIpFamilyRule() : ServiceValidationRule(new RuleDescriptor("KL803", "invalid-ip-family", "Service ipFamilies or ipFamilyPolicy the API server rejects", Severity.Error, "validation"), ServiceCheck.IpFamily);
