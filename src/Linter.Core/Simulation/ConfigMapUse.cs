using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>How a container reads a ConfigMap.</summary>
public enum ConfigMapVia
{
    /// <summary><c>envFrom[].configMapRef</c>: every key becomes an environment variable.</summary>
    EnvFrom,

    /// <summary><c>env[].valueFrom.configMapKeyRef</c>: one key becomes an environment variable.</summary>
    EnvKey,

    /// <summary>A <c>configMap</c> (or projected) volume the container mounts: every key becomes a file.</summary>
    Volume,
}

/// <summary>A ConfigMap a container reads; <see cref="Key"/> is the one key read, or null for all of them.</summary>
public sealed record ConfigMapUse(ConfigMapObject ConfigMap, string? Key, ConfigMapVia Via);
