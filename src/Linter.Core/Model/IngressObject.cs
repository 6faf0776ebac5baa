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

    /// <summary>The <c>spec</c> key, when written.</summary>
    public ScalarNode? SpecKey { get; internal set; }

    /// <summary>Where findings about the spec as a whole point: the <c>spec</c> key, else the object's <c>kind</c> value.</summary>
    public SourceSpan SpecAnchor => SpecKey?.Span ?? KindSpan;

    /// <summary>
    /// <c>rules</c> (a non-empty list) or the default backend is written: the spec routes something. A field of the
    /// wrong type counts as written (KL003 reports it).
    /// </summary>
    public bool HasRulesOrDefaultBackend { get; internal set; }

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
    internal IngressRule(SourceSpan span) => Span = span;

    /// <summary>The rule's item in <c>spec.rules</c>.</summary>
    public SourceSpan Span { get; }

    /// <summary>The field path, e.g. <c>spec.rules[0]</c>.</summary>
    public string FieldPath { get; internal set; } = string.Empty;

    /// <summary>The rule's <c>host</c>; null (or empty) means all hosts.</summary>
    public ScalarNode? Host { get; internal set; }

    /// <summary>The <c>http</c> key, when <c>http</c> is written as a mapping.</summary>
    public ScalarNode? HttpKey { get; internal set; }

    /// <summary>The <c>paths</c> key under <c>http</c>, when written.</summary>
    public ScalarNode? PathsKey { get; internal set; }

    /// <summary><c>http.paths</c> is written and not an empty list (a wrong type counts as written).</summary>
    public bool HasPaths { get; internal set; }

    public IReadOnlyList<IngressPath> Paths { get; internal set; } = [];
}

public sealed class IngressPath
{
    internal IngressPath(IngressRule rule, SourceSpan span) => (Rule, Span) = (rule, span);

    public IngressRule Rule { get; }

    /// <summary>The entry's item in <c>http.paths</c>.</summary>
    public SourceSpan Span { get; }

    /// <summary>The field path, e.g. <c>spec.rules[0].http.paths[1]</c>.</summary>
    public string FieldPath { get; internal set; } = string.Empty;

    public ScalarNode? Path { get; internal set; }

    public ScalarNode? PathType { get; internal set; }

    public IngressBackend? Backend { get; internal set; }

    /// <summary>The <c>backend</c> key, when written (<see cref="Backend"/> is null when its value is not a mapping).</summary>
    public ScalarNode? BackendKey { get; internal set; }

    /// <summary>Where to point for this entry: its <c>path</c> value, else the item.</summary>
    public SourceSpan Anchor => Path?.Span ?? Span;
}

/// <summary>A backend: a Service and port (v1 <c>service.name</c>/<c>service.port</c>, v1beta1 <c>serviceName</c>/<c>servicePort</c>) or a resource.</summary>
public sealed class IngressBackend
{
    internal IngressBackend(SourceSpan span) => Span = span;

    /// <summary>The backend's mapping.</summary>
    public SourceSpan Span { get; }

    /// <summary>The <c>backend</c> (or <c>defaultBackend</c>) key.</summary>
    public ScalarNode? Key { get; internal set; }

    /// <summary>The field path, e.g. <c>spec.defaultBackend</c>.</summary>
    public string FieldPath { get; internal set; } = string.Empty;

    /// <summary>Read through the v1beta1 fields <c>serviceName</c>/<c>servicePort</c>.</summary>
    public bool IsLegacy { get; internal set; }

    /// <summary>
    /// A Service backend is written: v1 <c>service</c> (any value but null), v1beta1 <c>serviceName</c> or
    /// <c>servicePort</c> (what the API server converts to <c>service</c>).
    /// </summary>
    public bool HasService { get; internal set; }

    /// <summary><c>service.name</c> (v1beta1 <c>serviceName</c>) is written with a value other than null and "" (a wrong type counts).</summary>
    public bool ServiceNameWritten { get; internal set; }

    /// <summary>The v1 <c>service</c> is written, but not as a mapping (KL003): its fields cannot be checked.</summary>
    public bool ServiceUnreadable { get; internal set; }

    /// <summary>The v1 <c>service.port</c> is written, but not as a mapping (KL003): its fields cannot be checked.</summary>
    public bool PortUnreadable { get; internal set; }

    /// <summary>The v1 <c>service</c> key, when written.</summary>
    public ScalarNode? ServiceKey { get; internal set; }

    /// <summary>The v1 <c>service.port</c> key (v1beta1: <c>servicePort</c>), when written.</summary>
    public ScalarNode? PortKey { get; internal set; }

    /// <summary><c>port.name</c> (v1beta1: a string <c>servicePort</c>), when a string.</summary>
    public ScalarNode? PortName { get; internal set; }

    /// <summary><c>port.number</c> (v1beta1: a numeric <c>servicePort</c>), when a number.</summary>
    public IntField? PortNumber { get; internal set; }

    /// <summary><c>port.name</c> is written with a value other than null and "" (a wrong type counts).</summary>
    public bool PortNameWritten { get; internal set; }

    /// <summary><c>port.number</c> is written with a value other than null and 0 (a wrong type counts).</summary>
    public bool PortNumberWritten { get; internal set; }

    /// <summary>The v1beta1 keys <c>serviceName</c>/<c>servicePort</c> written in a v1 backend that has neither <c>service</c> nor <c>resource</c>.</summary>
    public IReadOnlyList<StringPair> LegacyFields { get; internal set; } = [];

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
    internal IngressTls(SourceSpan span) => Span = span;

    /// <summary>The entry's item in <c>spec.tls</c>.</summary>
    public SourceSpan Span { get; }

    /// <summary>The field path, e.g. <c>spec.tls[0]</c>.</summary>
    public string FieldPath { get; internal set; } = string.Empty;

    public IReadOnlyList<ScalarNode> Hosts { get; internal set; } = [];

    public ScalarNode? SecretName { get; internal set; }
}

/// <summary>An IngressClass (<c>networking.k8s.io/v1</c> or <c>v1beta1</c>).</summary>
public sealed class IngressClassObject : KubeObject
{
    internal IngressClassObject(SourceDocument document, string apiVersion) : base(document, apiVersion, "IngressClass") { }

    public ScalarNode? Controller { get; internal set; }

    /// <summary><c>spec.controller</c> is written with a value other than null and "" (a wrong type counts).</summary>
    public bool ControllerWritten { get; internal set; }

    /// <summary>The <c>spec</c> key, when written.</summary>
    public ScalarNode? SpecKey { get; internal set; }

    /// <summary>Where findings about the spec as a whole point: the <c>spec</c> key, else the object's <c>kind</c> value.</summary>
    public SourceSpan SpecAnchor => SpecKey?.Span ?? KindSpan;

    /// <summary><c>spec.parameters</c>, when written as a mapping.</summary>
    public IngressClassParameters? Parameters { get; internal set; }

    /// <summary>The value of <c>ingressclass.kubernetes.io/is-default-class</c>, when written.</summary>
    public ScalarNode? DefaultAnnotation { get; internal set; }

    /// <summary>The class is marked default: the annotation's value is exactly <c>"true"</c>.</summary>
    public bool IsMarkedDefault => DefaultAnnotation?.Value == "true";
}

/// <summary>An IngressClass's <c>spec.parameters</c>: a reference to the controller's configuration object.</summary>
public sealed class IngressClassParameters
{
    internal IngressClassParameters(SourceSpan span) => Span = span;

    /// <summary>The <c>parameters</c> mapping.</summary>
    public SourceSpan Span { get; }

    /// <summary>The <c>parameters</c> key.</summary>
    public ScalarNode? Key { get; internal set; }

    public ScalarNode? ApiGroup { get; internal set; }

    public ScalarNode? Kind { get; internal set; }

    public ScalarNode? Name { get; internal set; }

    public ScalarNode? Namespace { get; internal set; }

    public ScalarNode? Scope { get; internal set; }

    /// <summary>The <c>namespace</c> key, when written with a value (a wrong type counts).</summary>
    public ScalarNode? NamespaceKey { get; internal set; }

    /// <summary><c>kind</c> / <c>name</c> / <c>scope</c> are written with a value (a wrong type counts; "" does not).</summary>
    public bool KindWritten { get; internal set; }

    public bool NameWritten { get; internal set; }

    public bool ScopeWritten { get; internal set; }
}
