using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Validation;

public sealed class HostPortDiffersOnHostNetworkRule() : PodFieldRule(new RuleDescriptor(
    "KL815", "host-port-differs-on-host-network", "hostPort differs from containerPort with hostNetwork", Severity.Error, "validation"), PodField.HostPort);
