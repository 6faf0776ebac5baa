using System.Reflection;
using Linter.Core.Config;
using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Analyzer;

/// <summary>
/// Loads the rules of precompiled rule packs inside the compiler. A pack is loaded into the load context of this
/// analyzer's Linter.Core, so that its rules derive from the <see cref="Rule"/> the engine runs (the compiler gives each
/// analyzer folder a load context of its own; on .NET Framework there is one, and LoadFrom finds it).
/// </summary>
internal static class RulePackLoader
{
    public static IReadOnlyList<CustomRule> Load(IEnumerable<string> packPaths)
    {
        var rules = new List<CustomRule>();
        foreach (var path in packPaths)
        {
            try
            {
                var types = LoadBesideTheEngine(path).GetExportedTypes().Where(CustomRule.IsRuleType).OrderBy(t => t.FullName, StringComparer.Ordinal);
                rules.AddRange(types.Select(type => CustomRule.FromPack((Rule)Activator.CreateInstance(type), SourceSpan.StartOf(path))).ToList());
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or TypeLoadException or TargetInvocationException or MissingMethodException or UnauthorizedAccessException)
            {
                // Left out: the CLI and the task report the pack's problem with its position.
            }
        }

        return rules;
    }

    private static Assembly LoadBesideTheEngine(string path)
    {
        var loadContextType = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false);
        if (loadContextType is null)
        {
            return Assembly.LoadFrom(path);
        }

        var engineContext = loadContextType.GetMethod("GetLoadContext", [typeof(Assembly)])!.Invoke(null, [typeof(Rule).Assembly]);
        return (Assembly)loadContextType.GetMethod("LoadFromAssemblyPath", [typeof(string)])!.Invoke(engineContext, [path])!;
    }
}
