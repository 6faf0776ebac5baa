using System.Reflection;
using System.Runtime.Loader;
using Linter.Core.Rules;

namespace Linter.CustomRules;

/// <summary>
/// Where custom rule assemblies are loaded. The SDK is the one already loaded, so that their Rule is kubelint's
/// Rule; a rule pack's own dependencies come from its folder; everything else (the framework) from the default context.
/// </summary>
internal sealed class RuleLoadContext(AssemblyDependencyResolver? packDependencies) : AssemblyLoadContext("kubelint-custom-rules")
{
    private static readonly Assembly Sdk = typeof(Rule).Assembly;

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.Equals(assemblyName.Name, Sdk.GetName().Name, StringComparison.OrdinalIgnoreCase))
        {
            return Sdk;
        }
        return packDependencies?.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
