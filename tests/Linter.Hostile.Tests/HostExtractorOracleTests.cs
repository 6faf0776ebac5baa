using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Linter.Core.Simulation.Dns;

namespace Linter.Hostile.Tests;

/// <summary>
/// The one-pass host extractor finds what the regular expressions it replaced found (they stay here as the oracle):
/// the same hosts, forms, ports and indexes on random strings over the characters that matter.
/// </summary>
public sealed class HostExtractorOracleTests
{
    private static readonly Regex Url = new(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?:[^@/\s""'<>]*@)?(?<hosts>[^/\s""'<>?#;]+)");

    private static readonly Regex HostAndPort = new(
        @"(?<![A-Za-z0-9.\-/@:$_{])(?<host>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*):(?<port>\d{1,5})(?![0-9A-Za-z.:\-])");

    [Fact]
    public void Random_strings_give_the_candidates_the_regular_expressions_gave()
    {
        const string alphabet = "ab1-.:/@ ?#;,$_{'\"<>٣hpts9";
        var random = new Random(10);
        for (var run = 0; run < 50_000; run++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 40);
            for (var i = 0; i < length; i++)
            {
                text.Append(random.Next(4) == 0 ? "http://" : alphabet[random.Next(alphabet.Length)].ToString());
            }

            var value = text.ToString();
            var found = HostExtractor.Extract(value, "HOST").Where(c => c.Form is ReferenceForm.Url or ReferenceForm.HostPort);
            Assert.Equal(Oracle(value), found.Select(Describe).ToList());
        }
    }

    private static string Describe(HostCandidate c) => $"{c.Form} {c.Index} {c.Host} {c.Port} {c.PortIndex}";

    /// <summary>The URL and host:port candidates as the regular expressions found them (the whole-value case did not change).</summary>
    private static List<string> Oracle(string value)
    {
        var found = new List<HostCandidate>();
        var covered = new List<(int Start, int End)>();
        foreach (Match url in Url.Matches(value))
        {
            covered.Add((url.Index, url.Index + url.Length));
            var offset = url.Groups["hosts"].Index;
            foreach (var part in url.Groups["hosts"].Value.Split(','))
            {
                var colon = part.LastIndexOf(':');
                var host = colon > 0 ? part.Substring(0, colon) : part;
                if (HostSyntax.IsCandidate(host))
                {
                    var hasPort = int.TryParse(colon > 0 ? part.Substring(colon + 1) : string.Empty, NumberStyles.None, CultureInfo.InvariantCulture, out var port);
                    found.Add(new HostCandidate(offset, host, ReferenceForm.Url)
                    {
                        Port = hasPort ? port : HostSyntax.DefaultPort(url.Groups["scheme"].Value),
                        PortIndex = hasPort ? offset + colon + 1 : null,
                    });
                }

                offset += part.Length + 1;
            }
        }

        foreach (Match pair in HostAndPort.Matches(value))
        {
            var host = pair.Groups["host"];
            if (!covered.Any(c => pair.Index >= c.Start && pair.Index < c.End) && HostSyntax.IsCandidate(host.Value) &&
                int.TryParse(pair.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                found.Add(new HostCandidate(host.Index, host.Value, ReferenceForm.HostPort) { Port = port, PortIndex = pair.Groups["port"].Index });
            }
        }

        return found.Select(Describe).ToList();
    }
}
