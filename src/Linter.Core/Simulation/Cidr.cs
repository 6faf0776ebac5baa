using System.Net;
using Linter.Core.Loading;

namespace Linter.Core.Simulation;

/// <summary>An address block (<c>10.0.0.0/8</c>, <c>fd00::/8</c>) or one address: containment and overlap, for NetworkPolicy <c>ipBlock</c> peers and Service addresses and source ranges.</summary>
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

    /// <summary>
    /// The block written as <c>address/prefix</c>, or null when it is not one. This is the legacy (sloppy) reading of
    /// <c>ParseCIDRSloppy</c>: host bits may be set, and IPv4 parts and the prefix may have leading zeros (read as decimal).
    /// </summary>
    public static Cidr? Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash <= 0 || text.IndexOf('%') >= 0 || Address(text.Substring(0, slash)) is not { } bytes)
        {
            return null;
        }

        var prefixText = text.Substring(slash + 1);
        if (prefixText.Length is 0 or > 3 || !Chars.All(prefixText, c => c is >= '0' and <= '9'))
        {
            return null;
        }

        var prefix = int.Parse(prefixText, System.Globalization.CultureInfo.InvariantCulture);
        return prefix <= bytes.Length * 8 ? new Cidr(bytes, prefix) : null;
    }

    /// <summary>
    /// An address as <c>ParseIPSloppy</c> reads it, as a block of that one address (<c>/32</c>, <c>/128</c>), or null.
    /// An IPv4-mapped IPv6 address is read as the IPv4 address, as Go's <c>net.IP</c> treats it.
    /// </summary>
    public static Cidr? ParseAddress(string text)
    {
        if (text.IndexOf('%') >= 0 || Address(text) is not { } bytes)
        {
            return null;
        }

        var address = new Cidr(bytes, bytes.Length * 8);
        return address.IsIPv4Mapped ? new Cidr(bytes.Skip(12).ToArray(), 32) : address;
    }

    /// <summary>
    /// Why <c>StrictIPCIDRValidation</c> refuses a block <see cref="Parse"/> accepts (the reason of <c>parseCIDR</c>), or
    /// null: leading zeros in an IPv4 part or the prefix, an IPv4-mapped IPv6 address, bits set beyond the prefix.
    /// </summary>
    public static string? StrictProblem(string text)
    {
        if (Parse(text) is not { } cidr)
        {
            return null;
        }

        var slash = text.IndexOf('/');
        var address = text.Substring(0, slash);
        var prefix = text.Substring(slash + 1);
        if ((prefix.Length > 1 && prefix[0] == '0') || HasLeadingZeros(address))
        {
            return "must not have leading 0s in IP or prefix length";
        }

        if (cidr.IsIPv4Mapped)
        {
            return "must not have an IPv4-mapped IPv6 address";
        }

        return cidr.HasHostBits ? "must not have bits set beyond the prefix length" : null;
    }

    /// <summary>
    /// The text is an IP address as the legacy reading (<c>ParseIPSloppy</c>) takes it: IPv4 parts may have leading
    /// zeros. Pod <c>dnsConfig.nameservers</c> and <c>hostAliases[].ip</c> are read this way.
    /// </summary>
    public static bool IsAddress(string text) => ParseAddress(text) is not null;

    /// <summary>
    /// Why <c>StrictIPCIDRValidation</c> refuses an address <see cref="ParseAddress"/> accepts (the reason of
    /// <c>parseIP</c>), or null: leading zeros in an IPv4 part, an IPv4-mapped IPv6 address.
    /// </summary>
    public static string? StrictAddressProblem(string text)
    {
        if (!IsAddress(text))
        {
            return null;
        }

        if (HasLeadingZeros(text))
        {
            return "must not have leading 0s";
        }

        var bytes = Address(text)!;
        return bytes.Length == 16 && new Cidr(bytes, 128).IsIPv4Mapped ? "must not be an IPv4-mapped IPv6 address" : null;
    }

    private static bool HasLeadingZeros(string address)
    {
        var dotted = address.Substring(address.LastIndexOf(':') + 1);
        return dotted.IndexOf('.') >= 0 && dotted.Split('.').Any(p => p.Length > 1 && p[0] == '0');
    }

    /// <summary>The canonical form: the network address (an IPv4-mapped address as IPv4) and the prefix, no leading zeros.</summary>
    public string Canonical()
    {
        var bytes = (byte[])_bytes.Clone();
        for (var i = Prefix; i < bytes.Length * 8; i++)
        {
            bytes[i / 8] &= (byte)~(0x80 >> (i % 8));
        }

        if (IsIPv4Mapped && Prefix >= 96)
        {
            return $"{string.Join(".", bytes.Skip(12).Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)))}/{Prefix - 96}";
        }

        return $"{new IPAddress(bytes)}/{Prefix}";
    }

    private bool IsIPv4Mapped => _bytes.Length == 16 && _bytes.Take(10).All(b => b == 0) && _bytes[10] == 0xff && _bytes[11] == 0xff;

    private bool HasHostBits
    {
        get
        {
            for (var i = Prefix; i < _bytes.Length * 8; i++)
            {
                if ((_bytes[i / 8] & (0x80 >> (i % 8))) != 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// An address as Go's <c>ParseIPSloppy</c> reads it: four decimal IPv4 parts (leading zeros allowed, never octal or
    /// hex, never fewer parts), or IPv6 text.
    /// </summary>
    private static byte[]? Address(string text)
    {
        if (text.IndexOf(':') >= 0)
        {
            return text.IndexOf('[') < 0 && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? v6.GetAddressBytes()
                : null;
        }

        var parts = text.Split('.');
        if (parts.Length != 4 || parts.Any(p => p.Length is 0 or > 3 || !Chars.All(p, c => c is >= '0' and <= '9')))
        {
            return null;
        }

        var values = parts.Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return values.All(v => v <= 255) ? values.Select(v => (byte)v).ToArray() : null;
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
