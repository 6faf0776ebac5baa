using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Linter.CustomRules;

/// <summary>
/// Finds extern methods (a DllImport). The banned-API analyzer cannot: DllImport is compiled into metadata flags,
/// not kept as an attribute it would see. (LibraryImport is a real attribute, which the analyzer reports.)
/// </summary>
internal static class ExternMethodCheck
{
    /// <summary>A problem at the <c>extern</c> keyword of every method or local function of <paramref name="trees"/> that has one.</summary>
    public static IEnumerable<CompileProblem> Check(IEnumerable<SyntaxTree> trees, string firstFile) => trees
        .SelectMany(tree => tree.GetRoot().DescendantTokens())
        .Where(token => token.IsKind(SyntaxKind.ExternKeyword) && token.Parent is not ExternAliasDirectiveSyntax)
        .Select(token => new CompileProblem(RuleAssemblyBuilder.At(token.GetLocation(), firstFile), IsError: true, CompileProblemIds.NativeCode,
            "custom rules call no native code: an extern method (DllImport) is not allowed"));
}
