using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class InvalidDnsConfigRule() : PodFieldRule(new RuleDescriptor(
    "KL813", "invalid-dns-config", "dnsConfig the API server rejects", Severity.Error, "validation"), PodField.Nameservers, PodField.Searches, PodField.DnsOptions);
