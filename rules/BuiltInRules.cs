using System.Text;
using Linter.Core.Rules;

namespace Linter.Rules;

/// <summary>
/// Every rule kubelint ships with, and their pages. The list is explicit, not discovered by reflection, so that
/// trimming and Native AOT keep every rule; a test fails when a rule folder is missing from it.
/// </summary>
public static class BuiltInRules
{
    public static RuleCatalog Catalog { get; } = new(
    [
        new Input.FileNotParseableRule(),
        new Input.DocumentNotAManifestRule(),
        new Input.FieldHasWrongTypeRule(),
        new Input.UnknownFieldRule(),
        new Input.DuplicateObjectRule(),
        new Input.RequiredFieldMissingRule(),
        new Input.TemplateNotRenderedRule(),
        new Input.UnusedSuppressionRule(),
        new Selectors.ServiceSelectorMatchesNoPodsRule(),
        new Selectors.ServiceSelectorIsLabelSelectorRule(),
        new Selectors.WorkloadSelectorMismatchRule(),
        new Selectors.ServiceSelectsSeveralWorkloadsRule(),
        new Selectors.ServiceRoutesNowhereRule(),
        new Selectors.ManualEndpointsForSelectorServiceRule(),
        new Ports.DefaultTargetPortNotDeclaredRule(),
        new Ports.TargetPortNotDeclaredRule(),
        new Ports.NamedTargetPortNotFoundRule(),
        new Ports.PortProtocolMismatchRule(),
        new Ports.NodePortOutOfRangeRule(),
        new Ports.NodePortOnWrongTypeRule(),
        new Ports.NodePortCollisionRule(),
        new Ports.ServicePortUnnamedRule(),
        new Ports.DuplicateServicePortRule(),
        new Ports.InvalidProtocolRule(),
        new Ports.ContainerPortConflictRule(),
        new Ports.ProbePortNotDeclaredRule(),
        new Ports.InvalidPortNameRule(),
        new Ports.PortNumberOutOfRangeRule(),
        new Dns.ShortNameFromOtherNamespaceRule(),
        new Dns.ClusterNameNotFoundRule(),
        new Dns.PortNotExposedRule(),
        new Dns.WrongClusterDomainRule(),
        new Dns.HostNetworkWithoutClusterDnsRule(),
        new Dns.DnsPolicyWithoutClusterDnsRule(),
        new Dns.ExternalNameNotAHostnameRule(),
        new Dns.InvalidServiceNameRule(),
        new Dns.ProbeHostIsClusterNameRule(),
        new Dns.PodRecordWithoutAddressRule(),
        new Dns.CorefileZoneDiffersRule(),
        new Headless.HeadlessServiceWithNodePortsRule(),
        new Headless.StatefulSetServiceMissingRule(),
        new Headless.StatefulSetServiceNotHeadlessRule(),
        new Headless.PodSubdomainWithoutHeadlessServiceRule(),
        new Headless.StatefulSetServiceDoesNotSelectPodsRule(),
        new Headless.StatefulSetOrdinalOutOfRangeRule(),
        new Headless.PodNameWithoutPodRecordsRule(),
        new Protocols.PingToServiceRule(),
        new Ingress.BackendServiceNotFoundRule(),
        new Ingress.BackendServicePortNotFoundRule(),
        new Ingress.InvalidIngressPathRule(),
        new Ingress.DuplicateIngressPathRule(),
        new Ingress.ClassNotFoundRule(),
        new Ingress.SeveralDefaultIngressClassesRule(),
        new Ingress.ApiVersionNotServedRule(),
        new Ingress.TlsHostNotRoutedRule(),
        new Ingress.DeprecatedIngressClassAnnotationRule(),
        new Ingress.RegexInLiteralPathRule(),
        new Ingress.BackendRefWithoutPortRule(),
        new Ingress.ParentGatewayNotFoundRule(),
        new Ingress.NoListenerMatchesParentRefRule(),
        new Ingress.NoListenerAdmitsRouteRule(),
        new Ingress.BackendRefNotPermittedRule(),
        new Ingress.NoMatchingListenerHostnameRule(),
        new Ingress.ExternalNameBackendRule(),
        new Netpol.PolicySelectsNoPodsRule(),
        new Netpol.PeerSelectsNoPodsRule(),
        new Netpol.PolicyPortNotListenedRule(),
        new Netpol.RulesForUnenforcedDirectionRule(),
        new Netpol.DnsEgressDeniedRule(),
        new Netpol.DependencyDeniedRule(),
        new Netpol.ControllerTrafficDeniedRule(),
        new Netpol.OutsideTrafficDeniedRule(),
        new Validation.InvalidServiceTypeRule(),
        new Validation.InvalidClusterIPRule(),
        new Validation.InvalidIpFamilyRule(),
        new Validation.InvalidExternalNameServiceRule(),
        new Validation.ServiceWithoutPortsRule(),
        new Validation.InvalidTrafficPolicyRule(),
        new Validation.InvalidSessionAffinityRule(),
        new Validation.InvalidExternalIPRule(),
        new Validation.LoadBalancerFieldMisusedRule(),
        new Validation.InvalidIngressFieldRule(),
        new Validation.InvalidIngressClassRule(),
        new Validation.InvalidGatewayFieldRule(),
        new Validation.InvalidLabelRule(),
        new Validation.InvalidLabelSelectorRule(),
        new Validation.InvalidDnsPolicyRule(),
        new Validation.InvalidDnsConfigRule(),
        new Validation.InvalidPodHostnameRule(),
        new Validation.HostPortDiffersOnHostNetworkRule(),
        new Validation.InvalidHostAliasRule(),
        new Validation.InvalidNetworkPolicyFieldRule(),
    ], Page);

    /// <summary>
    /// The rule's page (<c>KL###.md</c> beside its code, UTF-8 without a byte order mark: a test reads each page's
    /// first line), embedded at build time. Decoded in one piece: a reader's buffers and builder cost more than the
    /// page, and every SARIF log carries every page.
    /// </summary>
    private static string Page(RuleDescriptor rule)
    {
        using var stream = typeof(BuiltInRules).Assembly.GetManifestResourceStream($"rules/{rule.Id}.md")
            ?? throw new InvalidOperationException($"{rule.Id} has no documentation page");
        var bytes = new byte[stream.Length];
        var read = 0;
        while (read < bytes.Length && stream.Read(bytes, read, bytes.Length - read) is > 0 and var count)
        {
            read += count;
        }

        return Encoding.UTF8.GetString(bytes, 0, read);
    }
}
