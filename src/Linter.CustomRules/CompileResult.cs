using Linter.Core.Rules;

namespace Linter.CustomRules;

/// <summary>What compiling or loading custom rules gave.</summary>
/// <param name="Rules">The rules, ordered by id; empty when any problem is an error.</param>
/// <param name="Problems">Errors and warnings, in path, line and column order.</param>
/// <param name="FromCache">The assembly came from the cache: the compiler did not run.</param>
public sealed record CompileResult(IReadOnlyList<Rule> Rules, IReadOnlyList<CompileProblem> Problems, bool FromCache)
{
    /// <summary>A result with no rules, for problems found before anything could be loaded.</summary>
    public static CompileResult Failed(IReadOnlyList<CompileProblem> problems) => new([], problems, FromCache: false);

    /// <summary>Some problem is an error: no custom rule runs.</summary>
    public bool HasErrors => Problems.Any(p => p.IsError);
}
