using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>
/// An Ingress (<c>networking.k8s.io/v1</c>, or the removed <c>extensions/v1beta1</c> and <c>networking.k8s.io/v1beta1</c>
/// read through their legacy fields: <c>spec.backend</c>, <c>serviceName</c>, <c>servicePort</c>).
/// </summary>
public sealed class IngressObject : KubeObject
{
    internal IngressObject(SourceDocument document, string apiVersion) : base(document, apiVersion, "Ingress") { }

    /// <summary>A v1beta1 object (<c>extensions</c> or <c>networking.k8s.io</c>): legacy fields, <c>pathType</c> optional.</summary>
    public bool IsLegacy => ApiVersion != "networking.k8s.io/v1";

    public ScalarNode? IngressClassName { get; internal set; }

    /// <summary>The annotation <c>kubernetes.io/ingress.class</c>, when written.</summary>
    public StringPair? ClassAnnotation { get; internal set; }

    /// <summary><c>spec.defaultBackend</c> (v1beta1: <c>spec.backend</c>).</summary>
    public IngressBackend? DefaultBackend { get; internal set; }

    public IReadOnlyList<IngressRule> Rules { get; internal set; } = [];

    public IReadOnlyList<IngressTls> Tls { get; internal set; } = [];

    public IEnumerable<IngressPath> Paths => Rules.SelectMany(r => r.Paths);
}

public sealed class IngressRule
{
    internal IngressRule(MappingNode item) => Item = item;

    public MappingNode Item { get; }

    /// <summary>The rule's <c>host</c>; null (or empty) means all hosts.</summary>
    public ScalarNode? Host { get; internal set; }

    public IReadOnlyList<IngressPath> Paths { get; internal set; } = [];
}

public sealed class IngressPath
{
    internal IngressPath(IngressRule rule, MappingNode item) => (Rule, Item) = (rule, item);

    public IngressRule Rule { get; }

    public MappingNode Item { get; }

    public ScalarNode? Path { get; internal set; }

    public ScalarNode? PathType { get; internal set; }

    public IngressBackend? Backend { get; internal set; }

    /// <summary>Where to point for this entry: its <c>path</c> value, else the item.</summary>
    public SourceSpan Anchor => Path?.Span ?? Item.Span;
}

/// <summary>A backend: a Service and port (v1 <c>service.name</c>/<c>service.port</c>, v1beta1 <c>serviceName</c>/<c>servicePort</c>) or a resource.</summary>
public sealed class IngressBackend
{
    internal IngressBackend(MappingNode item) => Item = item;

    public MappingNode Item { get; }

    public ScalarNode? ServiceName { get; internal set; }

    /// <summary>The service port: <c>port.number</c> or <c>port.name</c> (v1beta1 <c>servicePort</c>, a number or a name).</summary>
    public PortRef? ServicePort { get; internal set; }

    public bool HasResource { get; internal set; }

    /// <summary>How the backend reads in messages: <c>web:80</c>, <c>web:http</c>, or <c>resource</c>.</summary>
    public override string ToString() =>
        ServiceName is null ? (HasResource ? "resource" : "(none)") : ServicePort is { } port ? $"{ServiceName.Value}:{port}" : ServiceName.Value;
}

public sealed class IngressTls
{
    internal IngressTls(MappingNode item) => Item = item;

    public MappingNode Item { get; }

    public IReadOnlyList<ScalarNode> Hosts { get; internal set; } = [];

    public ScalarNode? SecretName { get; internal set; }
}

/// <summary>An IngressClass (<c>networking.k8s.io/v1</c> or <c>v1beta1</c>).</summary>
public sealed class IngressClassObject : KubeObject
{
    internal IngressClassObject(SourceDocument document, string apiVersion) : base(document, apiVersion, "IngressClass") { }

    public ScalarNode? Controller { get; internal set; }

    /// <summary>The value of <c>ingressclass.kubernetes.io/is-default-class</c>, when written.</summary>
    public ScalarNode? DefaultAnnotation { get; internal set; }

    /// <summary>The class is marked default: the annotation's value is exactly <c>"true"</c>.</summary>
    public bool IsMarkedDefault => DefaultAnnotation?.Value == "true";
}
