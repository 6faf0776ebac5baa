using System.Net;

namespace Linter.Core.Simulation;

/// <summary>An address block (<c>10.0.0.0/8</c>, <c>fd00::/8</c>): containment and overlap, for NetworkPolicy <c>ipBlock</c> peers.</summary>
public readonly struct Cidr
{
    private readonly byte[] _bytes;

    private Cidr(byte[] bytes, int prefix) => (_bytes, Prefix) = (bytes, prefix);

    public int Prefix { get; }

    public bool IsIPv4 => _bytes.Length == 4;

    /// <summary>The whole address family: <c>0.0.0.0/0</c> or <c>::/0</c>.</summary>
    public bool IsWholeFamily => Prefix == 0;

    /// <summary>The ranges pods usually get addresses from: RFC 1918, shared address space (100.64/10) and unique local IPv6.</summary>
    public static IReadOnlyList<Cidr> PrivateRanges { get; } =
        new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7" }.Select(r => Parse(r)!.Value).ToList();

    /// <summary>The block written as <c>address/prefix</c>, or null when it is not one (host bits may be set, as legacy validation allows).</summary>
    public static Cidr? Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash <= 0 || text.IndexOf('%') >= 0 || !IPAddress.TryParse(text.Substring(0, slash), out var address) ||
            !int.TryParse(text.Substring(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix))
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        return prefix <= bytes.Length * 8 ? new Cidr(bytes, prefix) : null;
    }

    /// <summary>Every address of <paramref name="other"/> is in this block.</summary>
    public bool Contains(Cidr other) => other._bytes.Length == _bytes.Length && other.Prefix >= Prefix && SamePrefix(other, Prefix);

    public bool Overlaps(Cidr other) => other._bytes.Length == _bytes.Length && SamePrefix(other, Math.Min(Prefix, other.Prefix));

    private bool SamePrefix(Cidr other, int bits)
    {
        for (var i = 0; i < bits; i++)
        {
            var mask = 0x80 >> (i % 8);
            if ((_bytes[i / 8] & mask) != (other._bytes[i / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
