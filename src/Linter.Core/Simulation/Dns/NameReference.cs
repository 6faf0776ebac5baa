using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation.Dns;

/// <summary>
/// A host name used by a pod (in its command, arguments, environment or probes) or written in a
/// ConfigMap, with its exact position and what cluster DNS answers for it from that namespace. The target of
/// <c>ping</c> may also be an address, answered by the Service that declares it as its cluster IP.
/// </summary>
public sealed record NameReference(string Host, SourceSpan Span, string Namespace, string Where, DnsAnswer Answer)
{
    /// <summary>The port written after the name, or implied by the URL scheme.</summary>
    public int? Port { get; init; }

    /// <summary>Where the port is written; null when the scheme implies it.</summary>
    public SourceSpan? PortSpan { get; init; }

    /// <summary>How the name is written: a URL, host:port and a command's host argument leave no doubt that it is a host.</summary>
    public ReferenceForm Form { get; init; }

    /// <summary>The name (with its port) is the whole value, not a part of a longer text.</summary>
    public bool IsWholeValue { get; init; }

    /// <summary>The name is the target of <c>ping</c> (or ping6, fping, arping) run as a program.</summary>
    public bool IsPingTarget { get; init; }

    /// <summary>For the target of a network program run as a command: the program (<c>ping</c>, <c>fping</c>, <c>nc</c>).</summary>
    public string? Program { get; init; }

    public PodTemplate? Pod { get; init; }

    public ConfigMapObject? ConfigMap { get; init; }

    /// <summary>A single DNS label: <c>payments-api</c>, not <c>payments-api.payments</c> nor <c>payments-api.</c>.</summary>
    public bool IsShortName => Host.IndexOf('.') < 0;
}
