using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Simulation.Dns;

namespace Linter.Core.Simulation;

/// <summary>A field the API server rejects: where to point, and the message (what, the API server's error, the fix).</summary>
public sealed record FieldRejection(SourceSpan Span, string Message);

/// <summary>
/// What the API server rejects in one Ingress besides its paths (KL604): <c>ValidateIngressSpec</c>,
/// <c>validateIngressRules</c>, <c>validateIngressBackend</c>, <c>validateIngressTLS</c> and the annotation check of
/// <c>ValidateIngressCreate</c>. The simulation leaves every rejected field out (RULES.md ground rule 4): a rejected
/// backend is not resolved to a Service, a rejected host takes part in no comparison, a rejected class names no class.
/// </summary>
public sealed class IngressValidity
{
    private readonly HashSet<IngressBackend> _backends = [];
    private readonly HashSet<IngressRule> _hosts = [];
    private readonly HashSet<ScalarNode> _tlsHosts = [];
    private readonly List<FieldRejection> _rejections = [];

    internal IngressValidity() { }

    /// <summary>Every rejection, in the order the API server checks the fields.</summary>
    public IReadOnlyList<FieldRejection> Rejections => _rejections;

    /// <summary><c>ingressClassName</c> is rejected, or the class annotation contradicts it: the Ingress names no class.</summary>
    public bool ClassRejected { get; private set; }

    public bool Rejects(IngressBackend backend) => _backends.Contains(backend);

    /// <summary>The rule's <c>host</c> is rejected.</summary>
    public bool RejectsHost(IngressRule rule) => _hosts.Contains(rule);

    public bool RejectsTlsHost(ScalarNode host) => _tlsHosts.Contains(host);

    internal void Add(SourceSpan span, string message) => _rejections.Add(new FieldRejection(span, message));

    internal void Reject(IngressBackend backend) => _backends.Add(backend);

    internal void RejectHost(IngressRule rule) => _hosts.Add(rule);

    internal void RejectTlsHost(ScalarNode host) => _tlsHosts.Add(host);

    internal void RejectClass() => ClassRejected = true;
}

/// <summary>The API server's validation of Ingress and IngressClass fields (pkg/apis/networking/validation).</summary>
public static class IngressValidation
{
    private const string ClassAnnotation = "kubernetes.io/ingress.class";

    /// <summary>
    /// Checks an Ingress. v1beta1 objects (KL608's) get the same checks through their legacy fields: the API server
    /// converted them to the internal type and validated that, so a field wrong there stays wrong after the move to v1.
    /// </summary>
    public static IngressValidity Check(IngressObject ingress, Version kubernetesVersion)
    {
        var relaxedNames = kubernetesVersion >= ServiceValidation.RelaxedNamesSince;
        var validity = new IngressValidity();
        var legacy = ingress.IsLegacy;
        var backendField = legacy ? "backend" : "defaultBackend";
        if (!ingress.HasRulesOrDefaultBackend)
        {
            validity.Add(ingress.SpecAnchor,
                $"{ingress} has neither `rules` nor `{backendField}`: the API server rejects it (spec: Invalid value: …: either `defaultBackend` or `rules` must be specified). Add rules with hosts and paths, or a `{backendField}` for all requests");
        }

        if (ingress.DefaultBackend is { } defaultBackend)
        {
            CheckBackend(validity, ingress, defaultBackend, null, relaxedNames);
        }

        foreach (var rule in ingress.Rules)
        {
            CheckHost(validity, ingress, rule);
            if (rule.HttpKey is { } http && !rule.HasPaths)
            {
                var key = rule.PathsKey ?? http;
                validity.Add(key.Span,
                    $"rule {Host(rule)} of {ingress} has `http` without `paths`: the API server rejects the Ingress ({rule.FieldPath}.http.paths: Required value). List at least one path with its backend, or remove `http`");
            }

            foreach (var path in rule.Paths)
            {
                if (path.Backend is { } backend)
                {
                    CheckBackend(validity, ingress, backend, path, relaxedNames);
                }
                else if (path.BackendKey is null)
                {
                    validity.Add(path.Span,
                        $"path {path.Path?.Value ?? "(none)"} of {ingress} has no `backend`: the API server rejects the Ingress ({path.FieldPath}.backend: Invalid value: \"\": resource or service backend is required). Add `backend.service` with `name` and `port`");
                }
            }
        }

        foreach (var tls in ingress.Tls)
        {
            CheckTls(validity, ingress, tls);
        }

        if (ingress.IngressClassName is { } className && NameValidation.Dns1123Subdomain(className.Value) is { Count: > 0 } classErrors)
        {
            validity.RejectClass();
            validity.Add(className.Span,
                $"ingressClassName \"{className.Value}\" of {ingress} is not a valid IngressClass name: the API server rejects the Ingress (spec.ingressClassName: Invalid value: \"{className.Value}\": {string.Join("; ", classErrors)}). Name an IngressClass: {Lowered(className.Value, "a lowercase DNS name such as `nginx`")}");
        }

        if (ingress.IngressClassName is { } field && ingress.ClassAnnotation is { } annotation && annotation.Value.Value != field.Value)
        {
            validity.RejectClass();
            validity.Add(annotation.Value.Span,
                $"the annotation {ClassAnnotation}: \"{annotation.Value.Value}\" of {ingress} differs from `spec.ingressClassName: {field.Value}`: the API server refuses to create the Ingress (metadata.annotations.{ClassAnnotation}: Invalid value: \"{annotation.Value.Value}\": must match `ingressClassName` when both are specified). Remove the deprecated annotation and keep `ingressClassName` naming the class you mean");
        }

        return validity;
    }

    /// <summary>Checks an IngressClass (<c>validateIngressClassSpec</c>, <c>validateIngressClassParametersReference</c>).</summary>
    public static IReadOnlyList<FieldRejection> Check(IngressClassObject ingressClass)
    {
        var rejections = new List<FieldRejection>();
        if (!ingressClass.ControllerWritten)
        {
            var where = ingressClass.SpecKey is null ? "has no `spec`, so no `spec.controller`" : "has no `spec.controller`";
            rejections.Add(new(ingressClass.SpecAnchor,
                $"{ingressClass} {where}: the API server rejects it (spec.controller: Required value). Set the controller that implements the class, e.g. `controller: k8s.io/ingress-nginx` (the value the controller is configured to claim; it cannot be changed later)"));
        }
        else if (ingressClass.Controller is { } controller)
        {
            var errors = new List<string>();
            if (controller.Value.Length > 250)
            {
                errors.Add($"Too long: may not be more than 250 bytes (it has {controller.Value.Length})");
            }

            errors.AddRange(NameValidation.DomainPrefixedPath(controller.Value));
            if (errors.Count > 0)
            {
                rejections.Add(new(controller.Span,
                    $"spec.controller \"{Shorten(controller.Value)}\" of {ingressClass} is not a domain-prefixed path of at most 250 characters: the API server rejects the IngressClass (spec.controller: {string.Join("; ", errors)}). Write the controller's own name, a domain, `/` and a path, e.g. `k8s.io/ingress-nginx` or `example.com/ingress-controller`"));
            }
        }

        if (ingressClass.Parameters is { } parameters)
        {
            CheckParameters(rejections, ingressClass, parameters);
        }

        return rejections;
    }

    private static void CheckParameters(List<FieldRejection> rejections, IngressClassObject ingressClass, IngressClassParameters parameters)
    {
        var anchor = parameters.Key?.Span ?? parameters.Span;
        void Add(SourceSpan span, string what, string error, string fix) =>
            rejections.Add(new(span, $"{ingressClass}: {what}: the API server rejects the IngressClass ({error}). {fix}"));

        if (parameters.ApiGroup is { } group && NameValidation.Dns1123Subdomain(group.Value) is { Count: > 0 } groupErrors)
        {
            Add(group.Span, $"parameters.apiGroup \"{group.Value}\" is not a DNS subdomain", $"spec.parameters.apiGroup: Invalid value: \"{group.Value}\": {string.Join("; ", groupErrors)}",
                "Write the API group of the parameters resource (e.g. `k8s.example.com`), without a version");
        }

        foreach (var (field, node, written) in new[] { ("kind", parameters.Kind, parameters.KindWritten), ("name", parameters.Name, parameters.NameWritten) })
        {
            if (!written)
            {
                Add(anchor, $"`parameters` without `{field}`", $"spec.parameters.{field}: Required value", $"Set `parameters.{field}` to the {field} of the resource that configures the controller, or remove `parameters`");
            }
            else if (node is not null && NameValidation.PathSegmentName(node.Value) is { Count: > 0 } errors)
            {
                Add(node.Span, $"parameters.{field} \"{node.Value}\" is not a valid path segment", $"spec.parameters.{field}: Invalid value: \"{node.Value}\": {string.Join("; ", errors)}",
                    $"Write the bare {field}, without `/`, `%`, `.` or `..`");
            }
        }

        // Defaulting sets a missing scope to Cluster (SetDefaults_IngressClass), so only a written scope is checked.
        var scope = parameters.Scope?.Value ?? (parameters.ScopeWritten ? null : "Cluster");
        if (scope is null)
        {
            return;
        }

        if (scope is not ("Cluster" or "Namespace"))
        {
            var near = new[] { "Cluster", "Namespace" }.FirstOrDefault(s => string.Equals(s, scope, StringComparison.OrdinalIgnoreCase));
            Add(parameters.Scope!.Span, $"parameters.scope \"{scope}\" is not supported", $"spec.parameters.scope: Unsupported value: \"{scope}\": supported values: \"Cluster\", \"Namespace\"",
                near is null ? "Use `Cluster` for a cluster-scoped parameters resource, `Namespace` (with `namespace`) for a namespaced one" : $"Did you mean `{near}`? The scope is case-sensitive");
        }
        else if (scope == "Namespace" && parameters.NamespaceKey is null)
        {
            Add(parameters.Scope!.Span, "`parameters.scope: Namespace` without `parameters.namespace`", "spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'",
                "Add `namespace:` with the namespace of the parameters resource, or use `scope: Cluster` for a cluster-scoped one");
        }
        else if (scope == "Namespace" && parameters.Namespace is { } ns && NameValidation.Dns1123Label(ns.Value) is { Count: > 0 } nsErrors)
        {
            Add(ns.Span, $"parameters.namespace \"{ns.Value}\" is not a valid namespace name", $"spec.parameters.namespace: Invalid value: \"{ns.Value}\": {string.Join("; ", nsErrors)}",
                "Write the name of an existing namespace (a lowercase DNS label)");
        }
        else if (scope == "Cluster" && parameters.NamespaceKey is { } namespaceKey)
        {
            Add(parameters.Namespace?.Span ?? namespaceKey.Span, $"parameters.namespace with scope Cluster{(parameters.Scope is null ? " (the default)" : string.Empty)}",
                "spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'",
                "Remove `namespace` for a cluster-scoped parameters resource, or set `scope: Namespace` when the resource is namespaced");
        }
    }

    private static void CheckHost(IngressValidity validity, IngressObject ingress, IngressRule rule)
    {
        if (rule.Host is not { Value.Length: > 0 } host)
        {
            return;
        }

        var errors = new List<string>();
        var isIp = HostSyntax.IsIpAddress(host.Value);
        if (isIp)
        {
            errors.Add("must be a DNS name, not an IP address");
        }

        errors.AddRange(NameValidation.HostOrWildcard(host.Value));
        if (errors.Count == 0)
        {
            return;
        }

        validity.RejectHost(rule);
        var fix = isIp
            ? "An Ingress routes by host name, not by address: remove `host` to serve every host (requests to the address included), or use the DNS name that points at it"
            : HostFix(host.Value, "rule");
        validity.Add(host.Span,
            $"rule host \"{host.Value}\" of {ingress} is not a valid host: the API server rejects the Ingress ({rule.FieldPath}.host: Invalid value: \"{host.Value}\": {string.Join("; ", errors)}). {fix}");
    }

    private static void CheckTls(IngressValidity validity, IngressObject ingress, IngressTls tls)
    {
        for (var i = 0; i < tls.Hosts.Count; i++)
        {
            var host = tls.Hosts[i];
            if (NameValidation.HostOrWildcard(host.Value) is { Count: > 0 } errors)
            {
                validity.RejectTlsHost(host);
                validity.Add(host.Span,
                    $"TLS host \"{host.Value}\" of {ingress} is not a valid host: the API server rejects the Ingress ({tls.FieldPath}.hosts[{i}]: Invalid value: \"{host.Value}\": {string.Join("; ", errors)}). {HostFix(host.Value, "TLS")}");
            }
        }

        if (tls.SecretName is { Value.Length: > 0 } secret && NameValidation.Dns1123Subdomain(secret.Value) is { Count: > 0 } secretErrors)
        {
            validity.Add(secret.Span,
                $"secretName \"{secret.Value}\" of {ingress} is not a valid Secret name: the API server rejects the Ingress ({tls.FieldPath}.secretName: Invalid value: \"{secret.Value}\": {string.Join("; ", secretErrors)}). Name the TLS Secret of the Ingress's namespace: {Lowered(secret.Value, "a lowercase DNS name")}");
        }
    }

    private static void CheckBackend(IngressValidity validity, IngressObject ingress, IngressBackend backend, IngressPath? path, bool relaxedNames)
    {
        var anchor = backend.Key?.Span ?? backend.Span;
        var count = validity.Rejections.Count;
        if (backend.HasResource && backend.HasService)
        {
            validity.Add(anchor,
                $"{Where(ingress, backend, path)} sets both `resource` and {(backend.IsLegacy ? "`serviceName`" : "`service`")}: the API server rejects the Ingress ({backend.FieldPath}: Invalid value: \"\": cannot set both resource and service backends). Keep one of them");
        }
        else if (!backend.HasResource && !backend.HasService)
        {
            validity.Add(anchor, $"{Where(ingress, backend, path)} names neither a Service nor a resource: the API server rejects the Ingress ({backend.FieldPath}: Invalid value: \"\": resource or service backend is required). {NeitherFix(backend)}");
        }
        else if (backend.HasService && !backend.ServiceUnreadable)
        {
            CheckServiceBackend(validity, ingress, backend, path, relaxedNames);
        }

        if (validity.Rejections.Count > count)
        {
            validity.Reject(backend);
        }
    }

    private static void CheckServiceBackend(IngressValidity validity, IngressObject ingress, IngressBackend backend, IngressPath? path, bool relaxedNames)
    {
        var nameField = backend.IsLegacy ? "serviceName" : "service.name";
        var serviceAnchor = backend.ServiceKey?.Span ?? backend.Key?.Span ?? backend.Span;
        if (backend.ServiceName is not { Value.Length: > 0 } name)
        {
            if (!backend.ServiceNameWritten)
            {
                validity.Add(serviceAnchor, $"{Where(ingress, backend, path)} has no `{nameField}`: the API server rejects the Ingress ({backend.FieldPath}.service.name: Required value). Name the Service of namespace {ingress.Namespace} that receives these requests");
            }
        }
        else if (NameValidation.ServiceName(name.Value, relaxedNames) is { Count: > 0 } nameErrors)
        {
            var hint = NameValidation.ServiceNameSuggestion(name.Value, relaxedNames) is { } suggestion ? $" (e.g. `{suggestion}`)" : string.Empty;
            validity.Add(name.Span,
                $"{nameField} \"{name.Value}\" in {Where(ingress, backend, path)} is not a valid Service name: the API server rejects the Ingress ({backend.FieldPath}.service.name: Invalid value: \"{name.Value}\": {string.Join("; ", nameErrors)}). Name the Service as it is called: {NameValidation.ServiceNameVersionNote(relaxedNames)}{hint}");
        }

        if (backend.PortUnreadable)
        {
            return;
        }

        if (backend.PortNameWritten && backend.PortNumberWritten)
        {
            validity.Add(backend.PortKey?.Span ?? serviceAnchor,
                $"{Where(ingress, backend, path)} sets both `port.name` and `port.number`: the API server rejects the Ingress ({backend.FieldPath}: Invalid value: \"\": cannot set both port name & port number). Keep one: `number` is the Service's `port`, `name` the name of that port");
        }
        else if (backend.PortNameWritten)
        {
            if (backend.PortName is { } portName && NameValidation.IanaServiceName(portName.Value) is { Count: > 0 } errors)
            {
                var quotedNumber = portName.IsQuoted && int.TryParse(portName.Value, out var n)
                    ? $"\"{portName.Value}\" is quoted, so it is a name: write {(backend.IsLegacy ? $"`servicePort: {n}`" : $"`number: {n}`")} without quotes"
                    : $"Name a port of the Service by its `name` (at most 15 characters: lowercase letters, digits and single '-' inside, at least one letter), or use {(backend.IsLegacy ? "a numeric `servicePort`" : "`number`")}";
                validity.Add(portName.Span,
                    $"{(backend.IsLegacy ? "servicePort" : "port.name")} \"{portName.Value}\" in {Where(ingress, backend, path)} is not a valid port name: the API server rejects the Ingress ({backend.FieldPath}.service.port.name: Invalid value: \"{portName.Value}\": {string.Join("; ", errors)}). {quotedNumber}");
            }
        }
        else if (backend.PortNumberWritten)
        {
            if (backend.PortNumber is { } number && NameValidation.PortNumber(number.Value) is { Count: > 0 } errors)
            {
                validity.Add(number.Node.Span,
                    $"{(backend.IsLegacy ? "servicePort" : "port.number")} {number.Value} in {Where(ingress, backend, path)} is not a valid port: the API server rejects the Ingress ({backend.FieldPath}.service.port.number: Invalid value: {number.Value}: {string.Join("; ", errors)}). Write the Service's `port` (1-65535)");
            }
        }
        else
        {
            var portAnchor = backend.PortKey?.Span ?? serviceAnchor;
            validity.Add(portAnchor,
                $"{Where(ingress, backend, path)} names no Service port: the API server rejects the Ingress ({backend.FieldPath}: Required value: port name or number is required). Add {(backend.IsLegacy ? "`servicePort`" : "`port.number` (the Service's `port`) or `port.name` (its name)")}");
        }
    }

    /// <summary>The backend in messages; written only for a backend the API server rejects (most are accepted).</summary>
    private static string Where(IngressObject ingress, IngressBackend backend, IngressPath? path) =>
        path is null ? $"the {(backend.IsLegacy ? "`backend`" : "`defaultBackend`")} of {ingress}" : $"the backend of path {path.Path?.Value ?? "(none)"} in {ingress}";

    /// <summary>The fix for a backend with neither service nor resource: the v1 fields for the v1beta1 ones written.</summary>
    private static string NeitherFix(IngressBackend backend)
    {
        if (backend.LegacyFields.Count == 0)
        {
            return backend.IsLegacy ? "Add `serviceName` and `servicePort`" : "Add `service` with `name` and `port.number` (or `port.name`)";
        }

        var name = backend.LegacyFields.FirstOrDefault(f => f.Key.Value == "serviceName").Value?.Value;
        var port = backend.LegacyFields.FirstOrDefault(f => f.Key.Value == "servicePort").Value;
        var portField = port is null ? "port.number: <port>" : port.Kind == ScalarKind.Int ? $"port.number: {port.Value}" : $"port.name: {port.Value}";
        return $"`serviceName` and `servicePort` are networking.k8s.io/v1beta1 fields, which v1 does not have: write `service.name: {name ?? "<name>"}` and `service.{portField}`";
    }

    private static string Host(IngressRule rule) => rule.Host is { Value.Length: > 0 } host ? host.Value : "(every host)";

    private static string HostFix(string host, string what)
    {
        if (host.IndexOf(':') >= 0 && !HostSyntax.IsIpAddress(host))
        {
            return "A host holds no port (the controller listens on 80 and 443): remove the `:port`";
        }

        if (host.IndexOf('*') >= 0)
        {
            return $"A wildcard {what} host is `*.` followed by a DNS name, e.g. `*.example.com` (the `*` stands for exactly one label)";
        }

        return $"Write the host as a lowercase DNS name{(host != host.ToLowerInvariant() && NameValidation.Dns1123Subdomain(host.ToLowerInvariant()).Count == 0 ? $": `{host.ToLowerInvariant()}`" : " (letters, digits, '-' and '.', no scheme, port or path)")}";
    }

    private static string Lowered(string value, string otherwise) =>
        value != value.ToLowerInvariant() && NameValidation.Dns1123Subdomain(value.ToLowerInvariant()).Count == 0 ? $"`{value.ToLowerInvariant()}`" : otherwise;

    private static string Shorten(string value) => value.Length > 60 ? value.Substring(0, 57) + "..." : value;
}
