using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>A Gateway API GatewayClass (cluster-scoped).</summary>
public sealed class GatewayClassObject : KubeObject
{
    internal GatewayClassObject(SourceDocument document, string apiVersion) : base(document, apiVersion, "GatewayClass") { }

    public ScalarNode? ControllerNameNode { get; internal set; }
}

/// <summary>A Gateway API Gateway: its class and listeners.</summary>
public sealed class GatewayObject : KubeObject
{
    internal GatewayObject(SourceDocument document, string apiVersion) : base(document, apiVersion, "Gateway") { }

    public ScalarNode? GatewayClassNameNode { get; internal set; }

    public IReadOnlyList<GatewayListener> Listeners { get; internal set; } = [];
}

/// <summary>One <c>spec.listeners[]</c> item.</summary>
public sealed class GatewayListener(SourceSpan span, int index)
{
    /// <summary>The listener's item in <c>spec.listeners</c>.</summary>
    public SourceSpan Span { get; } = span;

    public int Index { get; } = index;

    public ScalarNode? NameNode { get; internal set; }

    public IntField? Port { get; internal set; }

    public ScalarNode? ProtocolNode { get; internal set; }

    public ScalarNode? HostnameNode { get; internal set; }

    /// <summary>The <c>tls</c> key, when written (with any value but null).</summary>
    public ScalarNode? TlsKey { get; internal set; }

    /// <summary><c>tls.mode</c>, when written; absent means <c>Terminate</c> (the CRD default).</summary>
    public ScalarNode? TlsModeNode { get; internal set; }

    /// <summary><c>tls.certificateRefs</c> holds at least one item.</summary>
    public bool HasCertificateRefs { get; internal set; }

    /// <summary><c>tls.options</c> holds at least one entry.</summary>
    public bool HasTlsOptions { get; internal set; }

    /// <summary>The <c>allowedRoutes</c> key, when written.</summary>
    public ScalarNode? AllowedRoutesKey { get; internal set; }

    /// <summary><c>allowedRoutes.namespaces.from</c>; absent means <c>Same</c>.</summary>
    public ScalarNode? FromNode { get; internal set; }

    /// <summary><c>allowedRoutes.namespaces.selector</c>, when written.</summary>
    public LabelSelector? NamespaceSelector { get; internal set; }

    /// <summary><c>allowedRoutes.kinds</c>, when written (group defaults to gateway.networking.k8s.io).</summary>
    public IReadOnlyList<RouteGroupKind>? Kinds { get; internal set; }

    public string Name => NameNode?.Value ?? string.Empty;

    public string Protocol => ProtocolNode?.Value ?? string.Empty;

    public string From => FromNode?.Value ?? "Same";

    /// <summary>What decides admission: the <c>allowedRoutes</c> key, else the protocol (which decides the kinds).</summary>
    public SourceSpan AdmissionSpan => (AllowedRoutesKey ?? ProtocolNode ?? NameNode)?.Span ?? Span;

    public override string ToString() => Name.Length > 0 ? $"listener {Name}" : $"listener #{Index}";
}

public sealed record RouteGroupKind(string Group, string Kind);

/// <summary>An HTTPRoute, GRPCRoute, TLSRoute, TCPRoute or UDPRoute.</summary>
public sealed class RouteObject : KubeObject
{
    internal RouteObject(SourceDocument document, string apiVersion, string kind) : base(document, apiVersion, kind) { }

    public IReadOnlyList<ParentRef> ParentRefs { get; internal set; } = [];

    /// <summary>The <c>spec.hostnames</c> key, when written (HTTPRoute, GRPCRoute, TLSRoute).</summary>
    public ScalarNode? HostnamesKey { get; internal set; }

    public IReadOnlyList<ScalarNode> Hostnames { get; internal set; } = [];

    /// <summary>Every <c>spec.rules[].backendRefs[]</c> entry, in order.</summary>
    public IReadOnlyList<BackendRef> BackendRefs { get; internal set; } = [];

    /// <summary>
    /// Per <c>spec.rules[]</c> item, the HTTPRoute path matches (<c>matches[].path</c>, type defaulting to
    /// <c>PathPrefix</c> and value to <c>/</c>); empty for a rule without matches and for other kinds.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<RoutePathMatch>> RulePaths { get; internal set; } = [];

    /// <summary>The route kinds of the Gateway API that carry hostnames.</summary>
    public bool HasHostnames => Kind is "HTTPRoute" or "GRPCRoute" or "TLSRoute";
}

/// <summary>An HTTPRoute <c>matches[].path</c>: its type and value, defaults applied.</summary>
public sealed record RoutePathMatch(string Type, string Value)
{
    public override string ToString() => $"{Value} ({Type})";
}

/// <summary>One <c>spec.parentRefs[]</c> entry; group, kind and namespace with their defaults applied.</summary>
public sealed class ParentRef(SourceSpan span, int index)
{
    /// <summary>The entry's item in <c>spec.parentRefs</c>.</summary>
    public SourceSpan Span { get; } = span;

    public int Index { get; } = index;

    public string Group { get; internal set; } = GatewayApi.Group;

    public string Kind { get; internal set; } = "Gateway";

    public string Namespace { get; internal set; } = string.Empty;

    public ScalarNode? NamespaceNode { get; internal set; }

    public ScalarNode? NameNode { get; internal set; }

    public ScalarNode? SectionNameNode { get; internal set; }

    public IntField? Port { get; internal set; }

    public bool IsGateway => Group == GatewayApi.Group && Kind == "Gateway";

    public bool IsService => Group.Length == 0 && Kind == "Service";
}

/// <summary>One <c>backendRefs[]</c> entry of a route rule; group, kind and namespace with their defaults applied.</summary>
public sealed class BackendRef(SourceSpan itemSpan, SourceSpan span, int rule)
{
    /// <summary>The entry's item in <c>backendRefs</c>.</summary>
    public SourceSpan ItemSpan { get; } = itemSpan;


    /// <summary>The index of the rule in <c>spec.rules</c>.</summary>
    public int Rule { get; } = rule;

    public string Group { get; internal set; } = string.Empty;

    public string Kind { get; internal set; } = "Service";

    public string Namespace { get; internal set; } = string.Empty;

    public ScalarNode? NamespaceNode { get; internal set; }

    public ScalarNode? NameNode { get; internal set; }

    public IntField? Port { get; internal set; }

    /// <summary>A <c>port</c> key is written (possibly with a value of the wrong type).</summary>
    public bool HasPortKey { get; internal set; }

    public bool IsService => Group.Length == 0 && Kind == "Service";

    /// <summary>Where findings about the entry as a whole point: its first key (the item, when empty).</summary>
    public SourceSpan Span { get; } = span;
}

/// <summary>A ReferenceGrant: which objects of other namespaces may refer to objects of its namespace.</summary>
public sealed class ReferenceGrantObject : KubeObject
{
    internal ReferenceGrantObject(SourceDocument document, string apiVersion) : base(document, apiVersion, "ReferenceGrant") { }

    public IReadOnlyList<(string Group, string Kind, string Namespace)> From { get; internal set; } = [];

    /// <summary><c>to</c> entries; a null name permits every object of the group and kind.</summary>
    public IReadOnlyList<(string Group, string Kind, string? Name)> To { get; internal set; } = [];
}

public static class GatewayApi
{
    public const string Group = "gateway.networking.k8s.io";

    public static bool IsRouteKind(string kind) => kind is "HTTPRoute" or "GRPCRoute" or "TLSRoute" or "TCPRoute" or "UDPRoute";
}
