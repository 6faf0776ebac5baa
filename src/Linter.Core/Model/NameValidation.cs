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
        var errors = new List<string>();
        if (name.Length > 15)
        {
            errors.Add("must be no more than 15 characters");
        }

        if (!name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }

        if (!name.Any(c => c is >= 'a' and <= 'z'))
        {
            errors.Add("must contain at least one letter (a-z)");
        }

        if (name.Contains("--"))
        {
            errors.Add("must not contain consecutive hyphens");
        }

        if (name.StartsWith("-", StringComparison.Ordinal) || name.EndsWith("-", StringComparison.Ordinal))
        {
            errors.Add("must not begin or end with a hyphen");
        }

        return errors;
    }

    /// <summary>DNS-1123 label: service port names, pod hostnames and subdomains.</summary>
    public static IReadOnlyList<string> Dns1123Label(string name) => Label(name, mustStartWithLetter: false);

    /// <summary>DNS-1035 label: Service names.</summary>
    public static IReadOnlyList<string> Dns1035Label(string name) => Label(name, mustStartWithLetter: true);

    private static IReadOnlyList<string> Label(string name, bool mustStartWithLetter)
    {
        var errors = new List<string>();
        if (name.Length > 63)
        {
            errors.Add("must be no more than 63 characters");
        }

        var shapeOk = name.Length > 0 &&
                      name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') &&
                      (mustStartWithLetter ? name[0] is >= 'a' and <= 'z' : name[0] != '-') &&
                      name[name.Length - 1] != '-';
        if (!shapeOk)
        {
            errors.Add(mustStartWithLetter
                ? "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
                : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character");
        }

        return errors;
    }
}
