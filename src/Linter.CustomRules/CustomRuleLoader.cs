using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;
using Linter.Core.Config;
using Linter.Core.Rules;

namespace Linter.CustomRules;

/// <summary>
/// Loads custom rules from an assembly: every public, non-abstract, non-generic class deriving from
/// <see cref="Rule"/>, created with its parameterless constructor, ordered by rule id.
/// </summary>
public static class CustomRuleLoader
{
    /// <summary>Why loading custom rules is no part of the Native AOT build.</summary>
    internal const string ReflectionReason = "Custom rules are found and created by reflection in an assembly loaded at run time; the Native AOT build does not load custom rules.";

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

    /// <summary>
    /// The rules of the rule packs a configuration or a project names, each with its page and the entry that names its
    /// pack (for problems of the catalog), and the problems of loading them.
    /// </summary>
    [RequiresUnreferencedCode(ReflectionReason)]
    [RequiresDynamicCode(ReflectionReason)]
    internal static (IReadOnlyList<CustomRule> Rules, IReadOnlyList<CompileProblem> Problems) LoadPackages(IEnumerable<Core.Config.RuleSource> packages, string displayRoot)
    {
        var rules = new List<CustomRule>();
        var problems = new List<CompileProblem>();
        foreach (var package in packages)
        {
            var loaded = LoadPackage(package.FullPath, displayRoot);
            problems.AddRange(loaded.Problems);
            rules.AddRange(loaded.Rules.Select(rule => CustomRule.FromPack(rule, package.At)));
        }

        return (rules, problems);
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
        var ruleTypes = types.Where(CustomRule.IsRuleType).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        if (ruleTypes.Count == 0)
        {
            return Failed(displayPath, CompileProblemIds.NoRule, RuleMessages.NoRule);
        }
        var created = ruleTypes.Select(type => Create(type, displayPath)).ToList();
        var rules = created.Where(c => c.Rule is not null).Select(c => c.Rule!).OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal).ToList();
        var problems = created.Where(c => c.Problem is not null).Select(c => c.Problem!).Concat(SharedNames(rules, displayPath)).ToList();
        return problems.Count > 0 ? CompileResult.Failed(problems) : new CompileResult(rules, [], FromCache: false);
    }

    // A rule catalog looks rules up by id and by slug, ignoring case: two rules may not share either.
    private static IEnumerable<CompileProblem> SharedNames(IReadOnlyList<Rule> rules, string displayPath) => rules
        .SelectMany(rule => new[] { rule.Descriptor.Id, rule.Descriptor.Slug }.Distinct(StringComparer.OrdinalIgnoreCase).Select(name => (Name: name, Rule: rule)))
        .GroupBy(named => named.Name, StringComparer.OrdinalIgnoreCase)
        .Where(group => group.Count() > 1)
        .Select(group => CompileProblem.ErrorAtFile(displayPath, CompileProblemIds.SharedName,
            $"rules {string.Join(" and ", group.Select(named => $"'{named.Rule.GetType().FullName}'"))} are both named '{group.Key}'"));


    [RequiresUnreferencedCode(ReflectionReason)]
    private static (Rule? Rule, CompileProblem? Problem) Create(Type type, string displayPath)
    {
        try
        {
            return ((Rule)Activator.CreateInstance(type)!, null);
        }
        catch (MissingMethodException)
        {
            return (null, CompileProblem.ErrorAtFile(displayPath, CompileProblemIds.NoParameterlessConstructor,
                RuleMessages.NoParameterlessConstructor(type.FullName!)));
        }
        catch (TargetInvocationException e)
        {
            return (null, CompileProblem.ErrorAtFile(displayPath, CompileProblemIds.ConstructorFailed,
                $"the constructor of rule class '{type.FullName}' threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}"));
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException)
        {
            return (null, CompileProblem.ErrorAtFile(displayPath, CompileProblemIds.TypeLoad, $"cannot load rule class '{type.FullName}': {e.Message}"));
        }
    }

    private static CompileResult Failed(string displayPath, string id, string message) =>
        CompileResult.Failed([CompileProblem.ErrorAtFile(displayPath, id, message)]);
}
