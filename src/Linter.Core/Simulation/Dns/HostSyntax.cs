using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Linter.Core.Loading;

namespace Linter.Core.Simulation.Dns;

/// <summary>What a host name looks like: DNS names, IP addresses, the names that never reach the cluster.</summary>
public static class HostSyntax
{
    private static readonly Regex Name = new(@"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$");

    private static readonly Dictionary<string, int> SchemePorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["http"] = 80, ["https"] = 443, ["ws"] = 80, ["wss"] = 443, ["postgres"] = 5432, ["postgresql"] = 5432,
        ["mysql"] = 3306, ["redis"] = 6379, ["rediss"] = 6379, ["amqp"] = 5672, ["amqps"] = 5671,
        ["mongodb"] = 27017, ["nats"] = 4222, ["ldap"] = 389,
    };

    public static bool IsDnsName(string host) => host.Length <= 253 && Name.IsMatch(host);

    public static bool IsIpAddress(string host) =>
        (host.IndexOf(':') >= 0 || host.Split('.').Length == 4) && IPAddress.TryParse(host.Trim('[', ']'), out _);

    /// <summary>
    /// A pod address written as one DNS label, as pod records <c>&lt;address&gt;.&lt;ns&gt;.pod.&lt;domain&gt;</c> spell it:
    /// <c>10-244-1-7</c>, or an IPv6 address with dashes for colons (<c>fd00--1</c>), as CoreDNS parses it.
    /// </summary>
    public static bool IsDashedAddress(string label)
    {
        var fourParts = label.Split('-').Length == 4 && label.IndexOf("--", StringComparison.Ordinal) < 0;
        return fourParts
            ? IPAddress.TryParse(label.Replace('-', '.'), out var v4) && v4.AddressFamily == AddressFamily.InterNetwork
            : label.IndexOf('-') >= 0 && IPAddress.TryParse(label.Replace('-', ':'), out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
    }

    /// <summary>A name that can be looked up in cluster DNS: a DNS name, not an IP, not localhost, not only digits.</summary>
    public static bool IsCandidate(string host) =>
        IsDnsName(host) && !IsIpAddress(host) && !Chars.All(host, c => char.IsDigit(c) || c == '.') &&
        !string.Equals(host.TrimEnd('.'), "localhost", StringComparison.OrdinalIgnoreCase) &&
        !host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    public static int? DefaultPort(string scheme) => SchemePorts.TryGetValue(scheme, out var port) ? port : null;

    /// <summary>Keys whose single-label values are host names: <c>PAYMENTS_HOST</c>, <c>redisAddr</c>, <c>API_URL</c>.</summary>
    public static bool KeySaysHost(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var lower = key!.ToLowerInvariant();
        return !lower.Contains("name") &&
               (lower.Contains("host") || lower.Contains("addr") || lower.Contains("server") || lower.Contains("url") ||
                lower.Contains("endpoint") || lower.Contains("service"));
    }
}
