using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation.Dns;

/// <summary>
/// The zone cluster DNS serves, as the input's CoreDNS configuration says: the ConfigMap <c>coredns</c> in
/// <c>kube-system</c>, key <c>Corefile</c>, the first server block with a <c>kubernetes</c> plugin. The plugin's zones
/// are its arguments, or the server block's zones when it has none; reverse zones (<c>in-addr.arpa</c>,
/// <c>ip6.arpa</c>) and the root are not cluster domains.
/// </summary>
public sealed class CorefileZone
{
    private CorefileZone(string zone, IReadOnlyList<string> zones, SourceSpan span)
    {
        Zone = zone;
        Zones = zones;
        Span = span;
    }

    /// <summary>The first forward zone, where <see cref="Span"/> points.</summary>
    public string Zone { get; }

    /// <summary>Every forward zone the plugin serves (CoreDNS answers Service names under each).</summary>
    public IReadOnlyList<string> Zones { get; }

    /// <summary>The first zone in the Corefile.</summary>
    public SourceSpan Span { get; }

    private static readonly char[] Braces = ['{', '}'];

    /// <summary>The zone of the input's CoreDNS configuration; null when the input holds none (or none with a forward zone).</summary>
    internal static CorefileZone? In(ClusterSnapshot snapshot)
    {
        var corefile = snapshot.Objects.OfType<ConfigMapObject>()
            .Where(c => c is { Name: "coredns", Namespace: "kube-system" })
            .SelectMany(c => c.Data)
            .FirstOrDefault(pair => pair.KeyText == "Corefile").Value;
        if (corefile is null || Parse(corefile.Value) is not { Count: > 0 } zones)
        {
            return null;
        }

        var file = snapshot.Files.FirstOrDefault(f => f.Path == corefile.Span.Path);
        var span = file?.Locate(corefile, zones[0].Index, zones[0].Text.Length) ?? corefile.Span;
        return new CorefileZone(Normalize(zones[0].Text), zones.Select(z => Normalize(z.Text)).Distinct(StringComparer.Ordinal).ToList(), span);
    }

    /// <summary>The forward zones of the first <c>kubernetes</c> plugin, as written, with their index in the text.</summary>
    private static List<Token> Parse(string text)
    {
        var depth = 0;
        var serverKeys = new List<Token>();
        var blockKeys = new List<Token>();
        foreach (var line in Lines(text))
        {
            for (var i = 0; i < line.Count; i++)
            {
                var token = line[i];
                if (token.Text == "{")
                {
                    if (depth++ == 0)
                    {
                        blockKeys = serverKeys;
                        serverKeys = [];
                    }

                    continue;
                }

                if (token.Text == "}")
                {
                    depth = Math.Max(0, depth - 1);
                    continue;
                }

                if (depth == 0)
                {
                    serverKeys.Add(token);
                }
                else if (depth == 1 && i == 0 && token.Text == "kubernetes")
                {
                    var arguments = line.Skip(1).TakeWhile(t => t.Text != "{").ToList();
                    var zones = (arguments.Count > 0 ? arguments : blockKeys).Where(t => IsForwardZone(Normalize(t.Text))).ToList();
                    if (zones.Count > 0)
                    {
                        return zones;
                    }
                }
            }
        }

        return [];
    }

    /// <summary>The words of each line, comments left out, braces as words of their own.</summary>
    private static IEnumerable<List<Token>> Lines(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            var comment = text.IndexOf('#', start, end - start);
            yield return Words(text, start, comment < 0 ? end : comment);
            start = end + 1;
        }
    }

    private static List<Token> Words(string text, int start, int end)
    {
        var words = new List<Token>();
        var i = start;
        while (i < end)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (text[i] is '{' or '}')
            {
                words.Add(new Token(text[i].ToString(), i));
                i++;
                continue;
            }

            var wordEnd = text.IndexOfAny(Braces, i, end - i);
            wordEnd = wordEnd < 0 ? end : wordEnd;
            var j = i;
            while (j < wordEnd && !char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            words.Add(new Token(text.Substring(i, j - i), i));
            i = j;
        }

        return words;
    }

    /// <summary><c>dns://corp.internal.:53</c> is the zone <c>corp.internal</c>.</summary>
    private static string Normalize(string zone)
    {
        var scheme = zone.IndexOf("://", StringComparison.Ordinal);
        var bare = scheme >= 0 ? zone.Substring(scheme + 3) : zone;
        var colon = bare.LastIndexOf(':');
        bare = colon >= 0 ? bare.Substring(0, colon) : bare;
        return bare.TrimEnd('.').ToLowerInvariant();
    }

    private static bool IsForwardZone(string zone) =>
        zone.Length > 0 && HostSyntax.IsDnsName(zone) && !zone.EndsWith("in-addr.arpa", StringComparison.Ordinal) && !zone.EndsWith("ip6.arpa", StringComparison.Ordinal);

    private readonly record struct Token(string Text, int Index);
}
