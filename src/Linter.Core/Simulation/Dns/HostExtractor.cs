using System.Globalization;
using System.Text.RegularExpressions;

namespace Linter.Core.Simulation.Dns;

/// <summary>
/// Finds host names in a string value: URLs, <c>host:port</c> pairs, and the whole value when it is a
/// dotted name or (under a key that says host) a single label. Conservative by design: what it returns is
/// only a candidate; the resolver decides whether it is a cluster name.
/// </summary>
public static class HostExtractor
{
    private static readonly Regex Url = new(
        @"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?:[^@/\s""'<>]*@)?(?<hosts>[^/\s""'<>?#;]+)", RegexOptions.Compiled);

    private static readonly Regex HostAndPort = new(
        @"(?<![A-Za-z0-9.\-/@:$_{])(?<host>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*):(?<port>\d{1,5})(?![0-9A-Za-z.:\-])",
        RegexOptions.Compiled);

    public static IReadOnlyList<HostCandidate> Extract(string value, string? key)
    {
        var found = new List<HostCandidate>();
        var covered = new List<(int Start, int End)>();
        foreach (Match url in Url.Matches(value))
        {
            covered.Add((url.Index, url.Index + url.Length));
            AddUrlHosts(url, found);
        }

        foreach (Match pair in HostAndPort.Matches(value))
        {
            if (covered.Any(c => pair.Index >= c.Start && pair.Index < c.End))
            {
                continue;
            }

            var host = pair.Groups["host"];
            if (HostSyntax.IsCandidate(host.Value) && int.TryParse(pair.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                found.Add(new HostCandidate(host.Index, host.Value, ReferenceForm.HostPort) { Port = port, PortIndex = pair.Groups["port"].Index });
                covered.Add((pair.Index, pair.Index + pair.Length));
            }
        }

        if (found.Count == 0)
        {
            AddWholeValue(value, key, found);
        }

        return found;
    }

    private static void AddUrlHosts(Match url, List<HostCandidate> found)
    {
        var scheme = url.Groups["scheme"].Value;
        var hosts = url.Groups["hosts"];
        var offset = hosts.Index;
        foreach (var part in hosts.Value.Split(','))
        {
            var colon = part.LastIndexOf(':');
            var host = colon > 0 ? part.Substring(0, colon) : part;
            var portText = colon > 0 ? part.Substring(colon + 1) : string.Empty;
            if (HostSyntax.IsCandidate(host))
            {
                var hasPort = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port);
                found.Add(new HostCandidate(offset, host, ReferenceForm.Url)
                {
                    Port = hasPort ? port : HostSyntax.DefaultPort(scheme),
                    PortIndex = hasPort ? offset + colon + 1 : null,
                });
            }

            offset += part.Length + 1;
        }
    }

    private static void AddWholeValue(string value, string? key, List<HostCandidate> found)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || !HostSyntax.IsCandidate(trimmed))
        {
            return;
        }

        var index = value.IndexOf(trimmed, StringComparison.Ordinal);
        if (trimmed.TrimEnd('.').IndexOf('.') >= 0)
        {
            found.Add(new HostCandidate(index, trimmed, ReferenceForm.DottedName));
        }
        else if (HostSyntax.KeySaysHost(key))
        {
            found.Add(new HostCandidate(index, trimmed, ReferenceForm.Label));
        }
    }
}
