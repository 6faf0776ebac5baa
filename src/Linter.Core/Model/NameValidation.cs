using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>
/// The API server's name checks (k8s.io/apimachinery pkg/util/validation), with its messages.
/// Each method returns the failed checks; an empty list means the name is valid.
/// </summary>
public static class NameValidation
{
    /// <summary>IANA_SVC_NAME: container port names and named targetPorts.</summary>
    public static IReadOnlyList<string> IanaServiceName(string name)
    {
        List<string>? errors = null; // most names are valid: no list for them
        if (name.Length > 15)
        {
            (errors ??= []).Add("must be no more than 15 characters");
        }

        if (!Chars.All(name, c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            (errors ??= []).Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }

        if (!Chars.Any(name, c => c is >= 'a' and <= 'z'))
        {
            (errors ??= []).Add("must contain at least one letter (a-z)");
        }

        if (name.Contains("--"))
        {
            (errors ??= []).Add("must not contain consecutive hyphens");
        }

        if (name.StartsWith("-", StringComparison.Ordinal) || name.EndsWith("-", StringComparison.Ordinal))
        {
            (errors ??= []).Add("must not begin or end with a hyphen");
        }

        return (IReadOnlyList<string>?)errors ?? [];
    }

    /// <summary>A port number (<c>IsValidPortNum</c>): Ingress backend ports, service and container ports.</summary>
    public static IReadOnlyList<string> PortNumber(int port) =>
        port is >= 1 and <= 65535 ? [] : ["must be between 1 and 65535, inclusive"];

    /// <summary>DNS-1123 subdomain (<c>IsDNS1123Subdomain</c>): object names, Ingress hosts, IngressClass names, Secret names.</summary>
    public static IReadOnlyList<string> Dns1123Subdomain(string name)
    {
        if (name.Length <= 253 && IsSubdomainShape(name))
        {
            return [];
        }

        var errors = new List<string>();
        if (name.Length > 253)
        {
            errors.Add("must be no more than 253 characters");
        }

        if (!IsSubdomainShape(name))
        {
            errors.Add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')");
        }

        return errors;
    }

    /// <summary>Wildcard DNS-1123 subdomain (<c>IsWildcardDNS1123Subdomain</c>): <c>*.</c> followed by a subdomain; Ingress and TLS hosts with a <c>*</c>.</summary>
    public static IReadOnlyList<string> WildcardDns1123Subdomain(string name)
    {
        var errors = new List<string>();
        if (name.Length > 253)
        {
            errors.Add("must be no more than 253 characters");
        }

        if (!name.StartsWith("*.", StringComparison.Ordinal) || !IsSubdomainShape(name.Substring(2)))
        {
            errors.Add("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com')");
        }

        return errors;
    }

    /// <summary>A host as Ingress rules and TLS hosts take it: a wildcard subdomain when it holds a <c>*</c>, else a subdomain.</summary>
    public static IReadOnlyList<string> HostOrWildcard(string host) =>
        host.IndexOf('*') >= 0 ? WildcardDns1123Subdomain(host) : Dns1123Subdomain(host);

    /// <summary>A name that can be a path segment (<c>IsPathSegmentName</c>): IngressClass parameters <c>kind</c> and <c>name</c>.</summary>
    public static IReadOnlyList<string> PathSegmentName(string name)
    {
        var errors = new List<string>();
        if (name is "." or "..")
        {
            errors.Add($"may not be '{name}'");
        }

        foreach (var illegal in new[] { "/", "%" })
        {
            if (name.IndexOf(illegal, StringComparison.Ordinal) >= 0)
            {
                errors.Add($"may not contain '{illegal}'");
            }
        }

        return errors;
    }

    /// <summary>
    /// A domain-prefixed path (<c>IsDomainPrefixedPath</c>), e.g. <c>example.com/ingress-controller</c>: a DNS-1123
    /// subdomain, <c>/</c>, then HTTP path characters (RFC 3986). IngressClass <c>spec.controller</c>.
    /// </summary>
    public static IReadOnlyList<string> DomainPrefixedPath(string value)
    {
        var slash = value.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1)
        {
            return ["must be a domain-prefixed path (such as \"acme.io/foo\")"];
        }

        var errors = new List<string>(Dns1123Subdomain(value.Substring(0, slash)));
        if (!Chars.All(value.Substring(slash + 1), IsHttpPathChar))
        {
            errors.Add("Invalid path: the part after the domain may hold only letters, digits and /-._~%!$&'()*+,;=:");
        }

        return errors;
    }

    /// <summary>
    /// DNS-1123 subdomain whose labels may hold <c>_</c> (<c>IsDNS1123SubdomainWithUnderscore</c>): pod
    /// <c>dnsConfig.searches</c> with the RelaxedDNSSearchValidation feature (on by default since Kubernetes 1.33).
    /// </summary>
    public static IReadOnlyList<string> Dns1123SubdomainWithUnderscore(string name)
    {
        var errors = new List<string>();
        if (name.Length > 253)
        {
            errors.Add("must be no more than 253 characters");
        }

        if (name.Length == 0 || !name.Split('.').All(IsLabelWithUnderscore))
        {
            errors.Add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')");
        }

        return errors;
    }

    /// <summary>
    /// A label key (<c>IsQualifiedName</c>): an optional DNS-1123 subdomain prefix and <c>/</c>, then a name of at most
    /// 63 alphanumerics, <c>-</c>, <c>_</c> and <c>.</c> with an alphanumeric at both ends.
    /// </summary>
    public static IReadOnlyList<string> QualifiedName(string value)
    {
        if (value.Length <= 63 && value.IndexOf('/') < 0 && IsLabelText(value))
        {
            return [];
        }

        var errors = new List<string>();
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
        }

        var name = parts[parts.Length - 1];
        if (parts.Length == 2)
        {
            var prefix = parts[0];
            errors.AddRange(prefix.Length == 0 ? ["prefix part must be non-empty"] : Dns1123Subdomain(prefix).Select(e => "prefix part " + e));
        }

        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (name.Length > 63)
        {
            errors.Add("name part must be no more than 63 characters");
        }

        if (!IsLabelText(name))
        {
            errors.Add("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc')");
        }

        return errors;
    }

    /// <summary>A label value (<c>IsValidLabelValue</c>): empty, or at most 63 alphanumerics, <c>-</c>, <c>_</c> and <c>.</c> with an alphanumeric at both ends.</summary>
    public static IReadOnlyList<string> LabelValue(string value)
    {
        if (value.Length == 0 || (value.Length <= 63 && IsLabelText(value)))
        {
            return [];
        }

        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add("must be no more than 63 characters");
        }

        if (value.Length > 0 && !IsLabelText(value))
        {
            errors.Add("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345')");
        }

        return errors;
    }

    /// <summary>The characters of label names and values: <c>([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]</c>.</summary>
    private static bool IsLabelText(string text) =>
        text.Length > 0 && IsAlphanumeric(text[0]) && IsAlphanumeric(text[text.Length - 1]) && Chars.All(text, c => IsAlphanumeric(c) || c is '-' or '_' or '.');

    private static bool IsAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    /// <summary><c>_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?</c></summary>
    private static bool IsLabelWithUnderscore(string label)
    {
        var rest = label.StartsWith("_", StringComparison.Ordinal) ? label.Substring(1) : label;
        return rest.Length > 0 && Chars.All(rest, c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_') &&
               rest[0] is not ('-' or '_') && rest[rest.Length - 1] is not ('-' or '_');
    }

    private static bool IsHttpPathChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') || "/-._~%!$&'()*+,;=:".IndexOf(c) >= 0;

    internal static bool IsSubdomainShape(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        for (var start = 0; start <= name.Length; )
        {
            var dot = name.IndexOf('.', start);
            var end = dot < 0 ? name.Length : dot;
            if (end == start || !IsLabelShape(name, start, end))
            {
                return false;
            }

            start = end + 1;
        }

        return true;
    }

    /// <summary>The characters from <paramref name="start"/> to <paramref name="end"/> (exclusive, not empty) form a DNS-1123 label's shape.</summary>
    private static bool IsLabelShape(string name, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (name[i] is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return name[start] != '-' && name[end - 1] != '-';
    }

    /// <summary>DNS-1123 label: service port names, pod hostnames and subdomains.</summary>
    public static IReadOnlyList<string> Dns1123Label(string name) => Label(name, mustStartWithLetter: false);

    /// <summary>DNS-1035 label: Service names.</summary>
    public static IReadOnlyList<string> Dns1035Label(string name) => Label(name, mustStartWithLetter: true);

    /// <summary>
    /// A Service name, or an Ingress backend's: a DNS-1035 label, or with <paramref name="relaxed"/> (the
    /// RelaxedServiceNameValidation feature, on from Kubernetes 1.36) a DNS-1123 label, which may start with a digit.
    /// </summary>
    public static IReadOnlyList<string> ServiceName(string name, bool relaxed) => Label(name, mustStartWithLetter: !relaxed);

    /// <summary>The name lowercased with <c>.</c> and <c>_</c> as <c>-</c> when that makes it a valid Service name, else null.</summary>
    public static string? ServiceNameSuggestion(string name, bool relaxed)
    {
        var suggestion = name.ToLowerInvariant().Replace('.', '-').Replace('_', '-').Trim('-');
        return suggestion != name && ServiceName(suggestion, relaxed).Count == 0 ? suggestion : null;
    }

    /// <summary>What the message says of the other validation of Service names.</summary>
    public static string ServiceNameVersionNote(bool relaxed) => relaxed
        ? "a DNS-1123 label (Kubernetes 1.36 and later, RelaxedServiceNameValidation)"
        : "a DNS-1035 label; Kubernetes 1.36 and later also accept a leading digit (RelaxedServiceNameValidation: set `cluster.kubernetesVersion`)";

    private static IReadOnlyList<string> Label(string name, bool mustStartWithLetter)
    {
        List<string>? errors = null; // most names are valid: no list for them
        if (name.Length > 63)
        {
            (errors ??= []).Add("must be no more than 63 characters");
        }

        var shapeOk = name.Length > 0 && IsLabelShape(name, 0, name.Length) && (!mustStartWithLetter || name[0] is >= 'a' and <= 'z');
        if (!shapeOk && !mustStartWithLetter && IsSubdomainShape(name))
        {
            // IsDNS1123Label: a valid subdomain that is not a valid label (the length is checked above) has dots.
            (errors ??= []).Add("must not contain dots");
        }
        else if (!shapeOk)
        {
            (errors ??= []).Add(mustStartWithLetter
                ? "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
                : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character");
        }

        return (IReadOnlyList<string>?)errors ?? [];
    }
}
