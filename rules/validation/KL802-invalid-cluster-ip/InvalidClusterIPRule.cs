using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class InvalidClusterIPRule() : ServiceValidationRule(new RuleDescriptor("KL802", "invalid-cluster-ip", "Service clusterIP or clusterIPs the API server rejects", Severity.Error, "validation"), ServiceCheck.ClusterIP);
