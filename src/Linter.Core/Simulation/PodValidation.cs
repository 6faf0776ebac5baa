using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>The pod fields whose API-server validation the simulation models (KL812–KL816).</summary>
public enum PodField { DnsPolicy, Nameservers, Searches, DnsOptions, Hostname, Subdomain, HostPort, HostAliases }

/// <summary>A pod field the API server rejects: which, where to point, and the API server's error with the fix.</summary>
public sealed record PodRejection(PodField Field, SourceSpan Span, string Message);

/// <summary>
/// What the API server rejects in one pod spec (<c>validateDNSPolicy</c>, <c>validatePodDNSConfig</c>, the hostname and
/// subdomain checks of <c>ValidatePodSpec</c>, <c>validatePodHostNetworkDeps</c>, <c>ValidateHostAliases</c>), and the
/// DNS settings the simulation uses with the rejected values left out (RULES.md ground rule 4).
/// </summary>
public sealed class PodValidity
{
    private readonly List<PodRejection> _rejections = [];

    internal PodValidity() { }

    public IReadOnlyList<PodRejection> Rejections => _rejections;

    /// <summary>The <c>dnsPolicy</c> in effect (<c>ClusterFirst</c> when unset); null when the API server rejects it: unknown.</summary>
    public string? DnsPolicy { get; internal set; }

    /// <summary>The <c>hostname</c>, when written and accepted.</summary>
    public ScalarNode? Hostname { get; internal set; }

    /// <summary>The <c>subdomain</c>, when written and accepted.</summary>
    public ScalarNode? Subdomain { get; internal set; }

    /// <summary>The accepted <c>dnsConfig.nameservers</c>.</summary>
    public IReadOnlyList<string> Nameservers { get; internal set; } = [];

    /// <summary>The accepted <c>dnsConfig.searches</c>: appended to the cluster's search list.</summary>
    public IReadOnlyList<string> Searches { get; internal set; } = [];

    /// <summary>The accepted host names of <c>hostAliases</c> (of items whose <c>ip</c> is accepted).</summary>
    public IReadOnlyList<string> HostAliases { get; internal set; } = [];

    public bool Rejects(PodField field) => _rejections.Any(r => r.Field == field);

    internal void Add(PodField field, SourceSpan span, string error, string fix) =>
        _rejections.Add(new PodRejection(field, span, $"\"{error}\": {fix}"));
}

/// <summary>The API server's validation of the DNS and network fields of pod specs (pkg/apis/core/validation).</summary>
public static class PodValidation
{
    public const int MaxNameservers = 3;
    public const int MaxSearches = 32;
    public const int MaxSearchListChars = 2048;

    /// <summary>RelaxedDNSSearchValidation (beta, on by default, from Kubernetes 1.33): <c>_</c> in searches and the search <c>.</c>.</summary>
    public static readonly Version RelaxedSearchesSince = new(1, 33);

    private static readonly string[] DnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];

    public static PodValidity Check(PodSpec spec, Version kubernetesVersion)
    {
        var validity = new PodValidity();
        if (CheckDnsPolicy(validity, spec))
        {
            CheckDnsConfig(validity, spec, kubernetesVersion);
        }

        validity.Hostname = CheckLabel(validity, spec, spec.HostnameNode, PodField.Hostname, "hostname");
        validity.Subdomain = CheckLabel(validity, spec, spec.SubdomainNode, PodField.Subdomain, "subdomain");
        CheckHostPorts(validity, spec);
        CheckHostAliases(validity, spec, kubernetesVersion);
        return validity;
    }

    /// <summary>Checks <c>dnsPolicy</c>; false when <c>validatePodDNSConfig</c> stops at a <c>None</c> error (nothing else of <c>dnsConfig</c> is checked).</summary>
    private static bool CheckDnsPolicy(PodValidity validity, PodSpec spec)
    {
        var node = spec.DnsPolicyNode;
        var policy = node is { Value.Length: > 0 } ? node.Value : "ClusterFirst";
        if (!DnsPolicies.Contains(policy))
        {
            var meant = DnsPolicies.FirstOrDefault(p => string.Equals(p, policy, StringComparison.OrdinalIgnoreCase));
            validity.Add(PodField.DnsPolicy, node!.Span,
                $"{spec.Path}.dnsPolicy: Unsupported value: \"{policy}\": supported values: {string.Join(", ", DnsPolicies.Select(p => $"\"{p}\""))}",
                meant is not null
                    ? $"write `{meant}` (the values are case-sensitive)"
                    : "use `ClusterFirst` (the default: cluster DNS), `ClusterFirstWithHostNet` (cluster DNS with hostNetwork), `Default` (the node's resolver) or `None` (only `dnsConfig`)");
            return true;
        }

        validity.DnsPolicy = policy;
        if (policy != "None")
        {
            return true;
        }

        var fix = "list the DNS servers the pod should use under `dnsConfig.nameservers` (at most 3), or use `dnsPolicy: ClusterFirst` for cluster DNS";
        if (spec.DnsConfig is null)
        {
            validity.DnsPolicy = null;
            validity.Add(PodField.DnsPolicy, node!.Span, $"{spec.Path}.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None", fix);
            return false;
        }

        if (spec.DnsConfig.Nameservers.Count == 0)
        {
            validity.DnsPolicy = null;
            validity.Add(PodField.DnsPolicy, node!.Span, $"{spec.Path}.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None", fix);
            return false;
        }

        return true;
    }

    private static void CheckDnsConfig(PodValidity validity, PodSpec spec, Version kubernetesVersion)
    {
        if (spec.DnsConfig is not { } config)
        {
            return;
        }

        var path = $"{spec.Path}.dnsConfig";
        validity.Nameservers = CheckNameservers(validity, config, path, kubernetesVersion);
        validity.Searches = CheckSearches(validity, config, path, kubernetesVersion);
        for (var i = 0; i < config.Options.Count; i++)
        {
            if (config.Options[i].Name is not { Value.Length: > 0 })
            {
                validity.Add(PodField.DnsOptions, config.Options[i].Span, $"{path}.options[{i}]: Required value: must not be empty",
                    "give the option a `name` (such as `ndots`, with `value: \"2\"`), or remove the item");
            }
        }
    }

    private static IReadOnlyList<string> CheckNameservers(PodValidity validity, PodDnsConfig config, string path, Version kubernetesVersion)
    {
        var accepted = new List<string>();
        if (config.Nameservers.Count > MaxNameservers)
        {
            validity.Add(PodField.Nameservers, config.NameserversKey!.Span,
                $"{path}.nameservers: Invalid value: [{string.Join(", ", config.Nameservers.Select(n => n.Value))}]: must not have more than {MaxNameservers} nameservers",
                $"the resolver reads at most {MaxNameservers} (glibc's MAXNS); keep the {MaxNameservers} you need most");
        }

        for (var i = 0; i < config.Nameservers.Count; i++)
        {
            var item = config.Nameservers[i];
            if (AddressProblem(item.Value, kubernetesVersion) is { } reason)
            {
                validity.Add(PodField.Nameservers, item.Span, $"{path}.nameservers[{i}]: Invalid value: \"{item.Value}\": {reason}",
                    "a nameserver is written as an IP address (such as `10.96.0.10` or `2001:db8::53`), not a host name");
            }
            else
            {
                accepted.Add(item.Value);
            }
        }

        return config.Nameservers.Count > MaxNameservers ? [] : accepted;
    }

    private static IReadOnlyList<string> CheckSearches(PodValidity validity, PodDnsConfig config, string path, Version kubernetesVersion)
    {
        var searches = config.Searches;
        var tooMany = searches.Count > MaxSearches;
        var joined = string.Join(" ", searches.Select(s => s.Value)).Length;
        var list = $"[{string.Join(", ", searches.Select(s => s.Value))}]";
        if (tooMany)
        {
            validity.Add(PodField.Searches, config.SearchesKey!.Span, $"{path}.searches: Invalid value: {list}: must not have more than {MaxSearches} search paths",
                $"keep at most {MaxSearches} search domains (the cluster adds its own three before them)");
        }

        if (joined > MaxSearchListChars)
        {
            validity.Add(PodField.Searches, config.SearchesKey!.Span,
                $"{path}.searches: Invalid value: {list}: must not have more than {MaxSearchListChars} characters (including spaces) in the search list",
                $"the list is {joined} characters long; shorten it to {MaxSearchListChars}");
        }

        var relaxed = kubernetesVersion >= RelaxedSearchesSince;
        var accepted = new List<string>();
        for (var i = 0; i < searches.Count; i++)
        {
            var search = searches[i].Value;
            if (relaxed && search == ".")
            {
                accepted.Add(search);
                continue;
            }

            var trimmed = search.EndsWith(".", StringComparison.Ordinal) ? search.Substring(0, search.Length - 1) : search;
            var errors = relaxed ? NameValidation.Dns1123SubdomainWithUnderscore(trimmed) : NameValidation.Dns1123Subdomain(trimmed);
            if (errors.Count > 0)
            {
                validity.Add(PodField.Searches, searches[i].Span, $"{path}.searches[{i}]: Invalid value: \"{trimmed}\": {string.Join("; ", errors)}",
                    $"write a DNS domain in lowercase, such as `{Lowered(trimmed, "svc.example.com")}` (one trailing dot is allowed)");
            }
            else
            {
                accepted.Add(search);
            }
        }

        return tooMany || joined > MaxSearchListChars ? [] : accepted;
    }

    private static ScalarNode? CheckLabel(PodValidity validity, PodSpec spec, ScalarNode? node, PodField field, string name)
    {
        if (node is not { Value.Length: > 0 })
        {
            return null;
        }

        var errors = NameValidation.Dns1123Label(node.Value);
        if (errors.Count == 0)
        {
            return node;
        }

        var first = Lowered(node.Value.Split('.')[0], field == PodField.Hostname ? "web-0" : "web");
        var fix = field == PodField.Hostname
            ? $"a hostname is one DNS label (lowercase letters, digits and `-`, at most 63), such as `{first}`; the pod's name in DNS is `<hostname>.<subdomain>.<namespace>.svc`"
            : $"`subdomain` names a headless Service in the pod's namespace, one DNS label (lowercase letters, digits and `-`, at most 63), such as `{first}`; the pod's name in DNS is `<hostname>.<subdomain>.<namespace>.svc`";
        validity.Add(field, node.Span, $"{spec.Path}.{name}: Invalid value: \"{node.Value}\": {string.Join("; ", errors)}", fix);
        return null;
    }

    private static void CheckHostPorts(PodValidity validity, PodSpec spec)
    {
        if (spec.HostNetwork?.Value != true)
        {
            return;
        }

        // Only `containers`: validatePodHostNetworkDeps does not look at init containers. An unset (0) hostPort is fine:
        // defaulted to containerPort in a Pod, allowed in a template (defaulted when the pod is created).
        for (var c = 0; c < spec.Containers.Count; c++)
        {
            var container = spec.Containers[c];
            for (var p = 0; p < container.Ports.Count; p++)
            {
                var port = container.Ports[p];
                if (port is { HostPort: { Value: not 0 } host, Number: { } number } && host.Value != number.Value)
                {
                    validity.Add(PodField.HostPort, host.Node.Span,
                        $"{spec.Path}.containers[{c}].ports[{p}].hostPort: Invalid value: {host.Value}: must match `containerPort` when `hostNetwork` is true",
                        $"with hostNetwork the container listens on the node's port {number.Value} itself, so there is nothing to map; set `hostPort: {number.Value}` or remove `hostPort` (to serve on {host.Value}, make the program listen on {host.Value} and set both ports to it)");
                }
            }
        }
    }

    private static void CheckHostAliases(PodValidity validity, PodSpec spec, Version kubernetesVersion)
    {
        if (spec.HostAliases.Count == 0)
        {
            return;
        }

        var accepted = new List<string>();
        for (var i = 0; i < spec.HostAliases.Count; i++)
        {
            var alias = spec.HostAliases[i];
            var path = $"{spec.Path}.hostAliases[{i}]";
            var ip = alias.Ip?.Value ?? string.Empty;
            var ipOk = true;
            if (AddressProblem(ip, kubernetesVersion) is { } reason)
            {
                ipOk = false;
                validity.Add(PodField.HostAliases, alias.Ip?.Span ?? alias.Span, $"{path}.ip: Invalid value: \"{ip}\": {reason}",
                    "`ip` is the address the host names map to in the pod's /etc/hosts, written as an IP address (such as `10.0.0.30`)");
            }

            for (var j = 0; j < alias.Hostnames.Count; j++)
            {
                var hostname = alias.Hostnames[j];
                var errors = NameValidation.Dns1123Subdomain(hostname.Value);
                if (errors.Count > 0)
                {
                    validity.Add(PodField.HostAliases, hostname.Span, $"{path}.hostnames[{j}]: Invalid value: \"{hostname.Value}\": {string.Join("; ", errors)}",
                        $"write the host name in lowercase letters, digits, `-` and `.`, such as `{Lowered(hostname.Value.TrimEnd('.'), "db.internal")}` (no trailing dot)");
                }
                else if (ipOk)
                {
                    accepted.Add(hostname.Value);
                }
            }
        }

        validity.HostAliases = accepted;
    }

    /// <summary>Why a legacy IP field (<c>IsValidIPForLegacyField</c>) rejects the text, or null.</summary>
    private static string? AddressProblem(string text, Version kubernetesVersion)
    {
        if (!Cidr.IsAddress(text))
        {
            return "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
        }

        return kubernetesVersion >= PolicyChecks.StrictCidrSince ? Cidr.StrictAddressProblem(text) : null;
    }

    /// <summary>The value lowercased with other characters as <c>-</c>, when that makes a valid subdomain; else the example.</summary>
    private static string Lowered(string value, string example)
    {
        var lowered = new string(value.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' ? c : '-').ToArray()).Trim('-', '.');
        return lowered.Length > 0 && NameValidation.Dns1123Subdomain(lowered).Count == 0 ? lowered : example;
    }
}
