using Linter.Core.Rules;
using Microsoft.CodeAnalysis;

namespace Linter.CustomRules;

/// <summary>
/// What the loader will need, checked on the compilation so that a problem has a place: every rule class can be
/// created, and there is at least one.
/// </summary>
internal static class RuleClassChecks
{
    /// <summary>The problems of <paramref name="compilation"/>'s rule classes; "no rule" is put at <paramref name="firstFile"/>'s start.</summary>
    public static IEnumerable<CompileProblem> Check(Compilation compilation, string firstFile)
    {
        var ruleType = compilation.GetTypeByMetadataName(typeof(Rule).FullName!);
        var rules = ruleType is null ? [] : Types(compilation.Assembly.GlobalNamespace).Where(t => IsRule(t, ruleType)).ToList();
        if (rules.Count == 0)
        {
            yield return CompileProblem.ErrorAtFile(firstFile, CompileProblemIds.NoRule, RuleMessages.NoRule);
        }
        foreach (var rule in rules.Where(r => !r.InstanceConstructors.Any(c => c.Parameters.IsEmpty && c.DeclaredAccessibility == Accessibility.Public)))
        {
            yield return new CompileProblem(RuleAssemblyBuilder.At(rule.Locations[0], firstFile), IsError: true, CompileProblemIds.NoParameterlessConstructor,
                RuleMessages.NoParameterlessConstructor(rule.ToDisplayString()));
        }
    }

    /// <summary>As the loader finds rules: public (to the outside), a class, not abstract, not generic, deriving from Rule.</summary>
    private static bool IsRule(INamedTypeSymbol type, INamedTypeSymbol ruleType)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || !IsPublicAndClosed(type))
        {
            return false;
        }
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(baseType, ruleType))
            {
                return true;
            }
        }
        return false;
    }

    // Public all the way out, and neither generic nor nested in a generic type (no type arguments to create it with).
    private static bool IsPublicAndClosed(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (t.DeclaredAccessibility != Accessibility.Public || t.IsGenericType)
            {
                return false;
            }
        }
        return true;
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceOrTypeSymbol container) =>
        container.GetMembers().OfType<INamespaceOrTypeSymbol>()
            .SelectMany(member => member is INamedTypeSymbol type ? Types(type).Prepend(type) : Types(member));
}
