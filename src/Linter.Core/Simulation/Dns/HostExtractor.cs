using System.Globalization;

namespace Linter.Core.Simulation.Dns;

/// <summary>
/// Finds host names in a string value: URLs, <c>host:port</c> pairs, and the whole value when it is a
/// dotted name or (under a key that says host) a single label. Conservative by design: what it returns is
/// only a candidate; the resolver decides whether it is a cluster name.
/// </summary>
/// <remarks>
/// Each form is found in one forward pass over the string, never re-scanning from a later start (a regex with
/// nested quantifiers took quadratic time on long tokens). The passes find what these expressions found:
/// URL <c>scheme://[userinfo@]hosts</c>, scheme <c>[A-Za-z][A-Za-z0-9+.-]*</c>, userinfo <c>[^@/\s"'&lt;&gt;]*</c>,
/// hosts <c>[^/\s"'&lt;&gt;?#;]+</c>; pair <c>host:port</c>, host a dotted name not preceded by
/// <c>[A-Za-z0-9./@:$_{-]</c>, port 1 to 5 digits not followed by <c>[0-9A-Za-z.:-]</c>.
/// </remarks>
public static class HostExtractor
{
    public static IReadOnlyList<HostCandidate> Extract(string value, string? key)
    {
        // Most values name no host: nothing is allocated for them, and a URL or host:port needs a colon.
        List<HostCandidate>? found = null;
        if (value.IndexOf(':') >= 0)
        {
            var urls = AddUrls(value, ref found);
            AddHostPorts(value, urls, ref found);
        }

        if (found is null)
        {
            AddWholeValue(value, key, ref found);
        }

        return found ?? (IReadOnlyList<HostCandidate>)Array.Empty<HostCandidate>();
    }

    private static bool IsSchemeChar(char c) => IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-';

    private static bool IsHostChar(char c) => IsAsciiLetterOrDigit(c) || c is '.' or '-';

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool EndsUserInfo(char c) => c is '@' or '/' or '"' or '\'' or '<' or '>' || char.IsWhiteSpace(c);

    private static bool EndsHosts(char c) => c is '/' or '"' or '\'' or '<' or '>' or '?' or '#' or ';' || char.IsWhiteSpace(c);

    /// <summary>Every run of scheme characters followed by <c>://</c> starts a URL at its first letter. Gives where the URLs are.</summary>
    private static List<(int Start, int End)>? AddUrls(string value, ref List<HostCandidate>? found)
    {
        List<(int Start, int End)>? urls = null;
        var userInfoEnd = -1;
        var i = 0;
        while (i < value.Length)
        {
            if (!IsSchemeChar(value[i]))
            {
                i++;
                continue;
            }

            var firstLetter = -1;
            for (; i < value.Length && IsSchemeChar(value[i]); i++)
            {
                firstLetter = firstLetter < 0 && IsAsciiLetter(value[i]) ? i : firstLetter;
            }

            if (firstLetter < 0 || string.CompareOrdinal(value, i, "://", 0, 3) != 0)
            {
                continue;
            }

            var hostsStart = i + 3;

            // The userinfo run can reach past the hosts; its end is the same for every start before it, so found once.
            if (userInfoEnd < hostsStart)
            {
                for (userInfoEnd = hostsStart; userInfoEnd < value.Length && !EndsUserInfo(value[userInfoEnd]); userInfoEnd++)
                {
                }
            }

            if (userInfoEnd + 1 < value.Length && value[userInfoEnd] == '@' && !EndsHosts(value[userInfoEnd + 1]))
            {
                hostsStart = userInfoEnd + 1;
            }

            var hostsEnd = hostsStart;
            while (hostsEnd < value.Length && !EndsHosts(value[hostsEnd]))
            {
                hostsEnd++;
            }

            if (hostsEnd > hostsStart)
            {
                (urls ??= []).Add((firstLetter, hostsEnd));
                AddUrlHosts(value, value.Substring(firstLetter, i - firstLetter), hostsStart, hostsEnd, ref found);
            }

            i = Math.Max(hostsEnd, i + 3);
        }

        return urls;
    }

    private static void AddUrlHosts(string value, string scheme, int hostsStart, int hostsEnd, ref List<HostCandidate>? found)
    {
        var offset = hostsStart;
        while (offset <= hostsEnd)
        {
            var comma = value.IndexOf(',', offset, hostsEnd - offset);
            var partEnd = comma < 0 ? hostsEnd : comma;
            var colon = partEnd > offset ? value.LastIndexOf(':', partEnd - 1, partEnd - offset) : -1;
            colon = colon > offset ? colon : -1;
            var host = value.Substring(offset, (colon > 0 ? colon : partEnd) - offset);
            if (HostSyntax.IsCandidate(host))
            {
                var port = 0;
                var hasPort = colon > 0 && int.TryParse(value.Substring(colon + 1, partEnd - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out port);
                (found ??= []).Add(new HostCandidate(offset, host, ReferenceForm.Url)
                {
                    Port = hasPort ? port : HostSyntax.DefaultPort(scheme),
                    PortIndex = hasPort ? colon + 1 : null,
                });
            }

            offset = partEnd + 1;
        }
    }

    /// <summary>
    /// Every maximal run of host characters that is a dotted name, directly followed by <c>:</c> and a port, and not
    /// starting inside a URL.
    /// </summary>
    private static void AddHostPorts(string value, List<(int Start, int End)>? urls, ref List<HostCandidate>? found)
    {
        var urlCount = urls?.Count ?? 0;
        var url = 0;
        var i = 0;
        while (i < value.Length)
        {
            if (!IsHostChar(value[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < value.Length && IsHostChar(value[i]))
            {
                i++;
            }

            if (i >= value.Length || value[i] != ':' || (start > 0 && value[start - 1] is '/' or '@' or ':' or '$' or '_' or '{') ||
                !IsDottedName(value, start, i) || PortLength(value, i + 1) is not (> 0 and var length))
            {
                continue;
            }

            while (url < urlCount && urls![url].End <= start)
            {
                url++;
            }

            if (url < urlCount && urls![url].Start <= start)
            {
                continue;
            }

            var host = value.Substring(start, i - start);
            if (HostSyntax.IsCandidate(host) && int.TryParse(value.Substring(i + 1, length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                (found ??= []).Add(new HostCandidate(start, host, ReferenceForm.HostPort) { Port = port, PortIndex = i + 1 });
            }
        }
    }

    /// <summary>Labels of letters, digits and inner dashes, separated by single dots.</summary>
    private static bool IsDottedName(string value, int start, int end)
    {
        var labelStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && value[i] != '.')
            {
                continue;
            }

            if (i == labelStart || value[labelStart] == '-' || value[i - 1] == '-')
            {
                return false;
            }

            labelStart = i + 1;
        }

        return true;
    }

    /// <summary>
    /// The number of port digits at <paramref name="at"/>: the longest of 1 to 5 (Unicode) digits after which no
    /// <c>[0-9A-Za-z.:-]</c> follows; 0 when there is none.
    /// </summary>
    private static int PortLength(string value, int at)
    {
        var digits = 0;
        while (digits < 5 && at + digits < value.Length && char.IsDigit(value[at + digits]))
        {
            digits++;
        }

        for (; digits > 0; digits--)
        {
            var next = at + digits;
            if (next >= value.Length || !(IsAsciiLetterOrDigit(value[next]) || value[next] is '.' or ':' or '-'))
            {
                return digits;
            }
        }

        return 0;
    }

    private static void AddWholeValue(string value, string? key, ref List<HostCandidate>? found)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || !HostSyntax.IsCandidate(trimmed))
        {
            return;
        }

        var index = value.IndexOf(trimmed, StringComparison.Ordinal);
        if (trimmed.TrimEnd('.').IndexOf('.') >= 0)
        {
            (found ??= []).Add(new HostCandidate(index, trimmed, ReferenceForm.DottedName));
        }
        else if (HostSyntax.KeySaysHost(key))
        {
            (found ??= []).Add(new HostCandidate(index, trimmed, ReferenceForm.Label));
        }
    }
}
