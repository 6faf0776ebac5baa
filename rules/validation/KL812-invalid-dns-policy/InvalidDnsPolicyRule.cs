using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class InvalidDnsPolicyRule() : PodFieldRule(new RuleDescriptor(
    "KL812", "invalid-dns-policy", "dnsPolicy the API server rejects", Severity.Error, "validation"), PodField.DnsPolicy);
