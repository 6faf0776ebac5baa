using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;
using Linter.Core.Rules;

namespace Linter.CustomRules;

/// <summary>
/// Loads custom rules from an assembly: every public, non-abstract, non-generic class deriving from
/// <see cref="Rule"/>, created with its parameterless constructor, ordered by rule id.
/// </summary>
public static class CustomRuleLoader
{
    private const string ReflectionReason = "Custom rules are found and created by reflection in an assembly loaded at run time; the Native AOT build does not load custom rules.";

    /// <summary>Loads the rules of a compiled assembly (<paramref name="assembly"/>'s bytes) into a new load context;
    /// problems of the load (a constructor that throws) are put at <paramref name="displayPath"/>'s start.</summary>
    [RequiresUnreferencedCode(ReflectionReason)]
    [RequiresDynamicCode(ReflectionReason)]
    public static CompileResult Load(byte[] assembly, string displayPath)
    {
        using var stream = new MemoryStream(assembly, writable: false);
        return Discover(new RuleLoadContext(packDependencies: null).LoadFromStream(stream), displayPath);
    }

    /// <summary>Loads a precompiled rule pack: a class library built against Linter.Core, its dependencies beside it.
    /// Problems (no such file, not an assembly, a type that cannot be loaded, no rule) are put at the file's start,
    /// its path shown relative to <paramref name="displayRoot"/> when given; nothing throws.</summary>
    [RequiresUnreferencedCode(ReflectionReason)]
    [RequiresDynamicCode(ReflectionReason)]
    public static CompileResult LoadPackage(string assemblyPath, string? displayRoot = null)
    {
        var fullPath = Path.GetFullPath(assemblyPath);
        var displayPath = displayRoot is null ? fullPath.Replace(Path.DirectorySeparatorChar, '/') : RuleSource.ToDisplayPath(fullPath, displayRoot);
        if (!File.Exists(fullPath))
        {
            return Failed(displayPath, CompileProblemIds.Unreadable, "no such rule pack");
        }
        try
        {
            AssemblyName.GetAssemblyName(fullPath);
            return Discover(new RuleLoadContext(new AssemblyDependencyResolver(fullPath)).LoadFromAssemblyPath(fullPath), displayPath);
        }
        catch (BadImageFormatException)
        {
            return Failed(displayPath, CompileProblemIds.NotAnAssembly, "not a .NET assembly");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(displayPath, CompileProblemIds.Unreadable, $"cannot read the rule pack: {e.Message}");
        }
    }

    [RequiresUnreferencedCode(ReflectionReason)]
    [RequiresDynamicCode(ReflectionReason)]
    private static CompileResult Discover(Assembly assembly, string displayPath)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return Failed(displayPath, CompileProblemIds.TypeLoad, $"cannot load the rules' types: {e.Message}");
        }
        var ruleTypes = types.Where(IsRule).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        if (ruleTypes.Count == 0)
        {
            return Failed(displayPath, CompileProblemIds.NoRule, "no custom rule: a rule is a public, non-abstract, non-generic class deriving from Linter.Core.Rules.Rule");
        }
        var rules = new List<Rule>();
        var problems = new List<CompileProblem>();
        foreach (var type in ruleTypes)
        {
            if (Create(type, displayPath, out var problem) is { } rule)
            {
                rules.Add(rule);
            }
            else
            {
                problems.Add(problem!);
            }
        }
        return problems.Count > 0 ? CompileResult.Failed(problems) : new CompileResult(rules.OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal).ToList(), [], FromCache: false);
    }

    // As RuleClassChecks finds them in a compilation.
    private static bool IsRule(Type type) => type.IsClass && !type.IsAbstract && !type.ContainsGenericParameters && type.IsSubclassOf(typeof(Rule));

    [RequiresUnreferencedCode(ReflectionReason)]
    private static Rule? Create(Type type, string displayPath, out CompileProblem? problem)
    {
        problem = null;
        try
        {
            return (Rule)Activator.CreateInstance(type)!;
        }
        catch (MissingMethodException)
        {
            problem = CompileProblem.ErrorAtFile(displayPath, CompileProblemIds.NoParameterlessConstructor,
                $"rule class '{type.FullName}' has no public parameterless constructor, so kubelint cannot create it");
        }
        catch (TargetInvocationException e)
        {
            problem = CompileProblem.ErrorAtFile(displayPath, CompileProblemIds.ConstructorFailed,
                $"the constructor of rule class '{type.FullName}' threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}");
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException)
        {
            problem = CompileProblem.ErrorAtFile(displayPath, CompileProblemIds.TypeLoad, $"cannot load rule class '{type.FullName}': {e.Message}");
        }
        return null;
    }

    private static CompileResult Failed(string displayPath, string id, string message) =>
        CompileResult.Failed([CompileProblem.ErrorAtFile(displayPath, id, message)]);
}
