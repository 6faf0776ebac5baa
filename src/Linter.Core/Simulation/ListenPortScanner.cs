namespace Linter.Core.Simulation;

/// <summary>
/// Finds the port numbers a string evidently says a process listens on: in a command line, an environment
/// value or a configuration file. <c>containerPort</c> is informational; an application that listens on a
/// port it does not declare usually says so in its arguments, environment or configuration.
/// </summary>
/// <remarks>
/// <para>A number counts only as a whole token: 1 to 5 ASCII digits without a leading zero, from 1 to 65535;
/// not preceded by anything but the start, a space, <c>=</c>, <c>:</c> or a quote (so not part of a longer
/// number, a word, a version such as <c>1.8080.2</c> or a path); not followed by a letter, a digit, <c>_</c>,
/// nor by <c>.</c> or <c>-</c> and then a letter or digit.</para>
/// <para>And only in a port-like context (an optional quote around the number is skipped):</para>
/// <list type="bullet">
/// <item><c>HOST:N</c> where HOST is empty or local: <c>:9090</c>, <c>--listen=:9090</c>, <c>0.0.0.0:5317</c>,
/// <c>localhost:N</c>, <c>127.x.x.x:N</c>, <c>*:N</c>, <c>[::]:N</c>, <c>[::1]:N</c>, an expansion of the pod's IP
/// (<c>$(POD_IP):N</c>), also after a scheme (<c>tcp://0.0.0.0:N</c>). Any other host is the address of
/// something else (<c>http://db:5432</c>, <c>nginx:8080</c> as an image), unless the key or flag says listen or
/// bind (<c>--bind-address=10.0.0.5:N</c>).</item>
/// <item><c>KEY=N</c>, <c>KEY: N</c>, <c>KEY = N</c>, <c>"KEY": N</c>, or a configuration line <c>KEY N</c>
/// (<c>listen 8080;</c>, <c>port 6379</c>), where a word of KEY says port, listen, addr(ess), bind or endpoint
/// (<c>PORT</c>, <c>http_port</c>, <c>server.port</c>, <c>metricsAddr</c>; not <c>report</c>, <c>export</c>,
/// <c>support</c>, <c>transport</c>...).</item>
/// <item>A flag with its value: <c>--NAME=N</c>, <c>--NAME N</c>, <c>-p N</c>, <c>-Dserver.port=N</c>. A long
/// flag counts when its name says port, listen, addr, bind or endpoint, or when it names nothing else: a flag whose
/// name is a count, size, duration or identity (<c>--replicas</c>, <c>--workers</c>, <c>--threads</c>,
/// <c>--timeout</c>, <c>--max-*</c>, <c>--cache-size</c>, <c>--uid</c>...) does not. Of one-letter flags only
/// <c>-p</c>/<c>-P</c> counts.</item>
/// <item>The whole value is the number (spaces and quotes aside) and the caller's key (an environment variable,
/// a ConfigMap key, or the flag in the previous argument: <c>["--port", "8443"]</c>) passes the tests above.</item>
/// </list>
/// <para>One forward pass over the string; each number looks back at most <see cref="Lookback"/> characters, so
/// the time is linear in the length whatever the input.</para>
/// </remarks>
public static class ListenPortScanner
{
    /// <summary>How far back from a number the scanner looks for its host, separator and key.</summary>
    private const int Lookback = 128;

    private static readonly HashSet<string> NotPortWords = new(StringComparer.Ordinal)
    {
        "support", "report", "export", "import", "transport", "passport", "airport", "sport", "teleport", "rapport",
    };

    private static readonly HashSet<string> NotPortFlagWords = new(StringComparer.Ordinal)
    {
        "replica", "replicas", "worker", "workers", "thread", "threads", "timeout", "timeouts", "interval", "period",
        "delay", "retry", "retries", "size", "limit", "limits", "count", "concurrency", "connections", "conns",
        "proc", "procs", "processes", "cpu", "cpus", "memory", "mem", "cache", "buffer", "batch", "queue", "seconds",
        "secs", "ms", "millis", "ttl", "age", "duration", "wait", "sleep", "uid", "gid", "user", "group", "id",
        "version", "level", "verbosity", "v", "log", "depth", "jobs", "parallel", "parallelism", "shards",
        "partitions", "rate", "qps", "burst", "weight", "priority", "backlog", "capacity", "heap", "pool", "lines",
        "width", "height", "days", "hours", "minutes", "n",
    };

    /// <summary>The numbers <paramref name="text"/> evidently listens on, in order of appearance (repeats included).</summary>
    /// <param name="text">A command-line argument, an environment variable's value or a ConfigMap value.</param>
    /// <param name="key">The name the value is found under (environment variable, ConfigMap key, or the previous argument), if any.</param>
    public static List<int> Scan(string text, string? key = null)
    {
        var found = new List<int>();
        Scan(text, key, found);
        return found;
    }

    /// <summary>Adds the numbers <paramref name="text"/> evidently listens on to <paramref name="found"/>.</summary>
    internal static void Scan(string text, string? key, ICollection<int> found)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            if (WholeNumber(text, start, i) is { } number && InPortContext(text, start, i, key))
            {
                found.Add(number);
            }
        }
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool IsQuote(char c) => c is '"' or '\'';

    private static bool IsBlank(char c) => c is ' ' or '\t';

    private static bool IsNameChar(char c) => IsLetterOrDigit(c) || c is '_' or '-' or '.';

    /// <summary>What ends a host part looking back from its colon (a colon itself does not: <c>[::]</c>).</summary>
    private static bool EndsHost(char c) =>
        char.IsWhiteSpace(c) || c is '=' or '"' or '\'' or ',' or ';' or '<' or '>' or '`' or '{' or '}' or '|' or '&';

    private static int? WholeNumber(string text, int start, int end)
    {
        if (end - start > 5 || text[start] == '0')
        {
            return null;
        }

        if (start > 0 && !(IsBlank(text[start - 1]) || text[start - 1] is '=' or ':' or '\n' or '\r' || IsQuote(text[start - 1])))
        {
            return null;
        }

        if (end < text.Length)
        {
            var next = text[end];
            if (IsLetterOrDigit(next) || next == '_' ||
                (next is '.' or '-' && end + 1 < text.Length && IsLetterOrDigit(text[end + 1])))
            {
                return null;
            }
        }

        var number = 0;
        for (var i = start; i < end; i++)
        {
            number = (number * 10) + (text[i] - '0');
        }

        return number <= 65535 ? number : null;
    }

    private static bool InPortContext(string text, int start, int end, string? key)
    {
        // An opening quote around the value is skipped: port = "8443".
        var at = start > 0 && IsQuote(text[start - 1]) ? start - 1 : start;

        // N right after a colon is HOST:N, unless the colon ends a quoted JSON key ("port":8443).
        if (at == start && at > 0 && text[at - 1] == ':' &&
            !(at >= 3 && IsQuote(text[at - 2]) && IsNameChar(text[at - 3])))
        {
            return HostPort(text, at - 1, key);
        }

        return KeyBefore(text, at) switch
        {
            { AtStart: true } => key is not null && IsWholeValue(text, end) && KeySays(key),
            { Name: { } name } => KeySays(name),
            _ => false,
        };
    }

    /// <summary>Only spaces and quotes follow the number: the value is the number alone.</summary>
    private static bool IsWholeValue(string text, int end)
    {
        for (var i = end; i < text.Length; i++)
        {
            if (!(char.IsWhiteSpace(text[i]) || IsQuote(text[i])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>HOST:N</c>: the host part runs back from the colon to a separator.</summary>
    private static bool HostPort(string text, int colon, string? key)
    {
        var hostStart = colon;
        while (hostStart > 0 && !EndsHost(text[hostStart - 1]))
        {
            if (colon - hostStart >= Lookback)
            {
                return false;
            }

            hostStart--;
        }

        var host = text.Substring(hostStart, colon - hostStart);
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host.Substring(scheme + 3);
        }

        if (IsLocal(host))
        {
            return true;
        }

        var valueStart = hostStart > 0 && IsQuote(text[hostStart - 1]) ? hostStart - 1 : hostStart;
        var listenKey = KeyBefore(text, valueStart) switch
        {
            { AtStart: true } => key,
            { Name: { } name } => name,
            _ => null,
        };
        return listenKey is not null && Words(listenKey.TrimStart('-')).Any(w => w.Contains("listen") || w.Contains("bind"));
    }

    /// <summary>An address of the pod itself: every interface, loopback, or the pod's IP by expansion.</summary>
    private static bool IsLocal(string host)
    {
        if (host.Length == 0 || host is "*" or "0.0.0.0" or "::" or "[::]" or "::1" or "[::1]" or "[::0]" ||
            host.StartsWith("127.", StringComparison.Ordinal) || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (host[0] != '$')
        {
            return false;
        }

        var lower = host.ToLowerInvariant();
        return lower.Contains("pod_ip") || lower.Contains("podip");
    }

    /// <summary>
    /// The key or flag before a value starting at <paramref name="at"/>: <c>KEY=</c>, <c>KEY:</c>, <c>KEY = </c>,
    /// <c>"KEY": </c>, or a word and spaces (<c>listen </c>, <c>--port </c>). <c>AtStart</c> when only spaces precede.
    /// </summary>
    private static (bool AtStart, string? Name) KeyBefore(string text, int at)
    {
        var i = at;
        while (i > 0 && IsBlank(text[i - 1]) && at - i < Lookback)
        {
            i--;
        }

        var blanks = at - i;
        if (i == 0)
        {
            return (true, null);
        }

        if (text[i - 1] is '=' or ':')
        {
            i--;
            while (i > 0 && IsBlank(text[i - 1]) && at - i < Lookback)
            {
                i--;
            }

            if (i > 0 && IsQuote(text[i - 1]))
            {
                i--;
            }
        }
        else if (blanks == 0)
        {
            return (false, null);
        }

        var nameEnd = i;
        while (i > 0 && IsNameChar(text[i - 1]))
        {
            if (nameEnd - i >= 64)
            {
                return (false, null);
            }

            i--;
        }

        return nameEnd > i ? (false, text.Substring(i, nameEnd - i)) : (false, null);
    }

    /// <summary>The key (or flag) says the value after it is a port it listens on (see the remarks).</summary>
    private static bool KeySays(string key)
    {
        if (key.Length > 0 && key[0] == '-')
        {
            var flag = key.TrimStart('-');
            if (flag.Length <= 1)
            {
                return flag is "p" or "P";
            }

            var words = Words(flag);
            return words.Any(IsPortWord) || !words.Any(IsNotPortFlagWord);
        }

        return Words(key).Any(IsPortWord);
    }

    private static bool IsPortWord(string word) =>
        ((word.EndsWith("port", StringComparison.Ordinal) || word.EndsWith("ports", StringComparison.Ordinal)) && !NotPortWords.Contains(word.TrimEnd('s'))) ||
        word.Contains("listen") || word.Contains("addr") || word.Contains("bind") || word.Contains("endpoint");

    private static bool IsNotPortFlagWord(string word) =>
        NotPortFlagWords.Contains(word) || word.StartsWith("max", StringComparison.Ordinal) ||
        word.StartsWith("min", StringComparison.Ordinal) || word.StartsWith("num", StringComparison.Ordinal);

    /// <summary>The lower-case words of a name: split at anything but letters and digits, and where a capital follows a small letter.</summary>
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : ' ';
            var boundary = !IsLetterOrDigit(c) || (c is >= 'A' and <= 'Z' && i > 0 && name[i - 1] is >= 'a' and <= 'z');
            if (boundary && start >= 0)
            {
                words.Add(name.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }

            if (IsLetterOrDigit(c) && start < 0)
            {
                start = i;
            }
        }

        return words;
    }
}
