using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class InvalidPodHostnameRule() : PodFieldRule(new RuleDescriptor(
    "KL814", "invalid-pod-hostname", "Pod hostname or subdomain the API server rejects", Severity.Error, "validation"), PodField.Hostname, PodField.Subdomain);
