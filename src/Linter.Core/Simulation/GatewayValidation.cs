using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>What the Gateway API CRD validation (schema patterns and CEL rules) refuses in a Gateway or a route.</summary>
public enum GatewayDefect
{
    /// <summary>A listener repeats the <c>name</c> of an earlier one.</summary>
    DuplicateListenerName,

    /// <summary>A listener repeats the port, protocol and hostname of an earlier one.</summary>
    DuplicateListenerCombination,

    /// <summary><c>tls</c> on an <c>HTTP</c>, <c>TCP</c> or <c>UDP</c> listener.</summary>
    TlsNotAllowed,

    /// <summary><c>hostname</c> on a <c>TCP</c> or <c>UDP</c> listener.</summary>
    HostnameNotAllowed,

    /// <summary>An <c>HTTPS</c> listener whose <c>tls.mode</c> is not <c>Terminate</c>.</summary>
    HttpsModeNotTerminate,

    /// <summary>A <c>TLS</c> listener without <c>tls</c>.</summary>
    TlsMissing,

    /// <summary><c>tls.mode</c> <c>Terminate</c> (the default) without <c>certificateRefs</c> or <c>options</c>.</summary>
    CertificatesMissing,

    /// <summary>A listener <c>hostname</c> or a route <c>hostnames</c> item that does not match the Hostname pattern.</summary>
    InvalidHostname,

    /// <summary>Two parentRefs to one parent, only one of them with a <c>sectionName</c>.</summary>
    SectionNameRequired,

    /// <summary>Two parentRefs to one parent with the same <c>sectionName</c> (or none).</summary>
    SectionNameNotUnique,
}

/// <summary>
/// One field the CRD validation rejects: where it is, what is wrong (<see cref="Problem"/>), the CRD's own message,
/// the fix, and the earlier listener or parentRef a duplicate repeats.
/// </summary>
public sealed record GatewayRejection(
    GatewayDefect Defect,
    SourceSpan Span,
    string Problem,
    string CrdMessage,
    string Fix,
    GatewayListener? Listener = null,
    ParentRef? Parent = null,
    ScalarNode? Hostname = null,
    SourceSpan? Earlier = null,
    string? EarlierLabel = null);

/// <summary>
/// The Gateway API CRD validation of the fields the simulation reads (GWAPI <c>GatewaySpec.listeners</c>,
/// <c>ListenerTLSConfig</c>, <c>CommonRouteSpec.parentRefs</c>, the <c>Hostname</c> type; standard channel). A field
/// rejected here is left out of <see cref="GatewayRouting"/> (ground rule 4): a later duplicate listener and a listener
/// with an invalid hostname are no listener, an invalid route hostname is no hostname, a duplicate parentRef no parent.
/// </summary>
public static class GatewayValidation
{
    /// <summary>The pattern of the Gateway API <c>Hostname</c> type (1–253 characters).</summary>
    public const string HostnamePattern = @"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>
    /// The value passes the <c>Hostname</c> type's length limits and pattern: an optional <c>*.</c>, then a DNS-1123
    /// subdomain's shape (the pattern, checked without building a regular expression for it).
    /// </summary>
    public static bool IsValidHostname(string value) =>
        value.Length is >= 1 and <= 253 && NameValidation.IsSubdomainShape(value.StartsWith("*.", StringComparison.Ordinal) ? value.Substring(2) : value);

    /// <summary>Protocols whose listeners must not carry a hostname.</summary>
    public static bool HostnameForbidden(GatewayListener listener) => listener.Protocol is "TCP" or "UDP";

    /// <summary>The listener's defects, for the listeners of one Gateway in order.</summary>
    public static IReadOnlyList<GatewayRejection> Check(GatewayObject gateway)
    {
        var rejections = new List<GatewayRejection>();
        var listeners = gateway.Listeners;
        for (var i = 0; i < listeners.Count; i++)
        {
            var listener = listeners[i];
            var earlier = listeners.Take(i).ToList();
            if (listener.NameNode is { } name && earlier.FirstOrDefault(l => l.NameNode?.Value == name.Value) is { } sameName)
            {
                rejections.Add(new GatewayRejection(GatewayDefect.DuplicateListenerName, name.Span,
                    $"listener #{i + 1} repeats the name `{name.Value}` of listener #{sameName.Index + 1}",
                    "Listener name must be unique within the Gateway",
                    "give each listener its own name (routes select a listener by name with `sectionName`)",
                    listener, Earlier: sameName.NameNode!.Span, EarlierLabel: $"the first listener named {name.Value}"));
            }

            if (listener.Port is { } port && earlier.FirstOrDefault(l => SameCombination(l, listener)) is { } sameCombination)
            {
                var host = listener.HostnameNode is { } h ? $"hostname {h.Value}" : "no hostname";
                rejections.Add(new GatewayRejection(GatewayDefect.DuplicateListenerCombination, port.Node.Span,
                    $"{listener} repeats port {port.Value}, protocol {listener.Protocol} and {host} of {sameCombination}",
                    "Combination of port, protocol and hostname must be unique for each listener",
                    "give it another port or hostname, or merge the two listeners into one",
                    listener, Earlier: sameCombination.Port?.Node.Span ?? sameCombination.Span,
                    EarlierLabel: $"{sameCombination} has the same port, protocol and hostname"));
            }

            CheckTls(listener, rejections);
            if (listener.HostnameNode is { } hostname)
            {
                if (HostnameForbidden(listener))
                {
                    rejections.Add(new GatewayRejection(GatewayDefect.HostnameNotAllowed, hostname.Span,
                        $"{listener} has protocol {listener.Protocol} and hostname {hostname.Value}",
                        "hostname must not be specified for protocols ['TCP', 'UDP']",
                        "remove `hostname` (a TCP or UDP listener cannot see a host name; to route by SNI use protocol TLS with a TLSRoute)",
                        listener, Hostname: hostname));
                }
                else if (!IsValidHostname(hostname.Value))
                {
                    rejections.Add(InvalidHostname(hostname, $"hostname {Quote(hostname.Value)} of {listener}", listener));
                }
            }
        }

        return rejections;
    }

    /// <summary>The route's defects: parentRefs to one parent without distinct sectionNames; invalid hostnames.</summary>
    public static IReadOnlyList<GatewayRejection> Check(RouteObject route)
    {
        var rejections = new List<GatewayRejection>();
        var parents = route.ParentRefs;
        for (var i = 0; i < parents.Count; i++)
        {
            var parent = parents[i];
            if (parent.NameNode is not { } name)
            {
                continue;
            }

            foreach (var first in parents.Take(i).Where(p => SameParent(p, parent)))
            {
                // `port` exists only in the experimental channel's CRDs, whose rules also tell references apart by port.
                var byPort = first.Port is not null || parent.Port is not null;
                var what = byPort ? "sectionName or port" : "sectionName";
                var label = $"{(parent.IsGateway ? "Gateway" : parent.Kind)} {name.Value}";
                var earlier = $"parentRef #{first.Index + 1} names {label}";
                if (HasSection(first) != HasSection(parent) || (byPort && HasPort(first) != HasPort(parent)))
                {
                    rejections.Add(new GatewayRejection(GatewayDefect.SectionNameRequired, name.Span,
                        $"parentRef #{i + 1} names {label} again (parentRef #{first.Index + 1}) and only one of them sets {Describe(first, parent, byPort)}",
                        $"{what} must be specified when parentRefs includes 2 or more references to the same parent",
                        $"set `sectionName`{(byPort ? " (or `port`)" : string.Empty)} on every reference to that parent, one listener each, or keep a single reference without it",
                        Parent: parent, Earlier: first.NameNode!.Span, EarlierLabel: earlier));
                    break;
                }

                if (Section(first) == Section(parent) && (!byPort || PortOf(first) == PortOf(parent)))
                {
                    var same = HasSection(parent) ? $" with the same sectionName `{Section(parent)}`" : ", neither with a `sectionName`";
                    same += byPort ? (HasPort(parent) ? $" and the same port {PortOf(parent)}" : " nor a `port`") : string.Empty;
                    rejections.Add(new GatewayRejection(GatewayDefect.SectionNameNotUnique, name.Span,
                        $"parentRef #{i + 1} names {label} again (parentRef #{first.Index + 1}){same}",
                        $"{what} must be unique when parentRefs includes 2 or more references to the same parent",
                        $"remove the repeated reference, or point each reference at another listener with `sectionName`",
                        Parent: parent, Earlier: first.NameNode!.Span, EarlierLabel: earlier));
                    break;
                }
            }
        }

        foreach (var hostname in route.Hostnames.Where(h => !IsValidHostname(h.Value)))
        {
            rejections.Add(InvalidHostname(hostname, $"hostname {Quote(hostname.Value)}", null));
        }

        return rejections;
    }

    private static void CheckTls(GatewayListener listener, List<GatewayRejection> rejections)
    {
        var protocol = listener.Protocol;
        if (listener.TlsKey is not { } tls)
        {
            if (protocol == "TLS" && listener.ProtocolNode is { } node)
            {
                rejections.Add(new GatewayRejection(GatewayDefect.TlsMissing, node.Span,
                    $"{listener} has protocol TLS and no `tls`",
                    "tls mode must be set for protocol TLS",
                    "add `tls: {mode: Passthrough}` to pass the TLS stream to a TLSRoute's backends, or `tls` with `certificateRefs` to terminate it",
                    listener));
            }

            return;
        }

        if (protocol is "HTTP" or "TCP" or "UDP")
        {
            var instead = protocol == "HTTP" ? "use protocol HTTPS to terminate TLS" : "use protocol TLS to accept TLS connections";
            rejections.Add(new GatewayRejection(GatewayDefect.TlsNotAllowed, tls.Span,
                $"{listener} has protocol {protocol} and a `tls` block",
                "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']",
                $"remove `tls`, or {instead}",
                listener));
            return;
        }

        var mode = listener.TlsModeNode?.Value ?? "Terminate";
        if (protocol == "HTTPS" && mode != "Terminate" && listener.TlsModeNode is { } modeNode)
        {
            var enumValue = mode is "Passthrough";
            rejections.Add(new GatewayRejection(GatewayDefect.HttpsModeNotTerminate, modeNode.Span,
                $"{listener} has protocol HTTPS and tls.mode {mode}",
                enumValue ? "tls mode must be Terminate for protocol HTTPS" : $"Unsupported value: \"{mode}\": supported values: \"Terminate\", \"Passthrough\"",
                enumValue
                    ? "an HTTPS listener terminates TLS: set `mode: Terminate` (or remove it) with `certificateRefs`; for passthrough use protocol TLS with a TLSRoute"
                    : "set `mode: Terminate` (the default; values are case-sensitive)",
                listener));
            return;
        }

        if (mode == "Terminate" && !listener.HasCertificateRefs && !listener.HasTlsOptions)
        {
            rejections.Add(new GatewayRejection(GatewayDefect.CertificatesMissing, tls.Span,
                $"{listener} terminates TLS ({(listener.TlsModeNode is null ? "mode Terminate is the default" : "mode Terminate")}) but names no certificate",
                "certificateRefs or options must be specified when mode is Terminate",
                "add `certificateRefs` naming the Secret that holds the certificate and key (type kubernetes.io/tls)" +
                (protocol == "TLS" ? ", or set `mode: Passthrough` to pass the TLS stream to the backends" : string.Empty),
                listener));
        }
    }

    private static GatewayRejection InvalidHostname(ScalarNode hostname, string what, GatewayListener? listener)
    {
        var value = hostname.Value;
        var lower = value.ToLowerInvariant();
        string fix;
        if (value.Length > 253)
        {
            fix = "use a host name of at most 253 characters";
        }
        else if (value.Length == 0)
        {
            fix = "remove the empty hostname (no hostname matches every host)";
        }
        else if (value.IndexOf("://", StringComparison.Ordinal) >= 0 || value.IndexOf('/') >= 0 || value.IndexOf(':') >= 0)
        {
            fix = "write only the host name, without scheme, port or path";
        }
        else if (lower != value && IsValidHostname(lower))
        {
            fix = $"write it in lowercase: `{lower}`";
        }
        else if (value.EndsWith(".", StringComparison.Ordinal) && IsValidHostname(value.TrimEnd('.')))
        {
            fix = $"remove the trailing dot: `{value.TrimEnd('.')}`";
        }
        else if (value.IndexOf('*') >= 0)
        {
            fix = "a wildcard is `*` as the whole first label, followed by a domain (`*.example.com`; it matches one or more labels)";
        }
        else
        {
            fix = "use lowercase letters, digits, `-` and `.`, each label starting and ending with a letter or digit";
        }

        return new GatewayRejection(GatewayDefect.InvalidHostname, hostname.Span,
            $"{what} is not a valid host name",
            $"should match '{HostnamePattern}'" + (value.Length > 253 ? " (at most 253 characters)" : string.Empty),
            fix, listener, Hostname: hostname);
    }

    /// <summary>Both listeners have one port, one protocol and one hostname (or neither a hostname), as CEL compares them.</summary>
    private static bool SameCombination(GatewayListener a, GatewayListener b) =>
        a.Port?.Value == b.Port?.Value && a.Protocol == b.Protocol && a.HostnameNode?.Value == b.HostnameNode?.Value;

    /// <summary>One parent as the CRD compares them: group and kind (defaulted), name, and the namespace as written.</summary>
    private static bool SameParent(ParentRef a, ParentRef b) =>
        a.Group == b.Group && a.Kind == b.Kind && a.NameNode?.Value == b.NameNode?.Value &&
        (a.NamespaceNode?.Value ?? string.Empty) == (b.NamespaceNode?.Value ?? string.Empty);

    private static bool HasSection(ParentRef parent) => parent.SectionNameNode is { Value.Length: > 0 };

    private static bool HasPort(ParentRef parent) => parent.Port is { Value: not 0 };

    private static string? Section(ParentRef parent) => HasSection(parent) ? parent.SectionNameNode!.Value : null;

    private static int? PortOf(ParentRef parent) => HasPort(parent) ? parent.Port!.Value.Value : null;

    private static string Describe(ParentRef a, ParentRef b, bool byPort) =>
        HasSection(a) != HasSection(b) ? "`sectionName`" : byPort ? "`port`" : "`sectionName`";

    private static string Quote(string value) => $"\"{value}\"";
}
