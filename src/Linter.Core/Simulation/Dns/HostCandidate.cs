namespace Linter.Core.Simulation.Dns;

public enum ReferenceForm
{
    /// <summary><c>scheme://host[:port]/…</c></summary>
    Url,

    /// <summary><c>host:port</c></summary>
    HostPort,

    /// <summary>A whole value that is a dotted name (<c>db.prod</c>, <c>web-0.nginx</c>).</summary>
    DottedName,

    /// <summary>A whole value that is one label, under a key that says host, addr, url, endpoint, server or service.</summary>
    Label,

    /// <summary>The host argument of a network program run as a command (<c>nc -z db 5432</c>, <c>ping db</c>).</summary>
    Command,
}

/// <summary>
/// A host name found in a string: where it starts in the string, and the port written after it
/// (or implied by a URL scheme).
/// </summary>
public sealed record HostCandidate(int Index, string Host, ReferenceForm Form)
{
    public int? Port { get; init; }

    /// <summary>Index of the port digits in the string; null when the port is implied by the scheme.</summary>
    public int? PortIndex { get; init; }
}
