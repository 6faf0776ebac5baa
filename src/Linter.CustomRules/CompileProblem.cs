using Linter.Core.Loading;

namespace Linter.CustomRules;

/// <summary>
/// A problem with custom rules: a compiler error or warning, a use of a banned API, or a rule that cannot be loaded.
/// </summary>
/// <param name="At">Where: 1-based lines and columns, the path relative to the display root with '/' separators.</param>
/// <param name="IsError">An error stops the load (no custom rule runs); a warning does not.</param>
/// <param name="Id">The compiler's id (CS…), the banned-API analyzer's (RS0030), or one of <see cref="CompileProblemIds"/>.</param>
/// <param name="Message">The compiler's message text (invariant culture), or the loader's.</param>
public sealed record CompileProblem(SourceSpan At, bool IsError, string Id, string Message)
{
    /// <summary>An error at the start of <paramref name="path"/>, for what concerns a whole file.</summary>
    public static CompileProblem ErrorAtFile(string path, string id, string message) => new(SourceSpan.StartOf(path), IsError: true, id, message);
}

/// <summary>The ids of the problems kubelint reports itself (the compiler's and the analyzer's keep their own).</summary>
public static class CompileProblemIds
{
    /// <summary>A public rule class has no public parameterless constructor, so it cannot be created.</summary>
    public const string NoParameterlessConstructor = "KLC001";

    /// <summary>The sources or the rule pack hold no public, non-abstract subclass of <c>Rule</c>.</summary>
    public const string NoRule = "KLC002";

    /// <summary>A source file or a rule pack cannot be read.</summary>
    public const string Unreadable = "KLC003";

    /// <summary>A rule pack is not a .NET assembly.</summary>
    public const string NotAnAssembly = "KLC004";

    /// <summary>A type of a rule pack cannot be loaded (a missing dependency, a different SDK).</summary>
    public const string TypeLoad = "KLC005";

    /// <summary>A rule's constructor threw.</summary>
    public const string ConstructorFailed = "KLC006";

    /// <summary>The SDK assembly is not a file on disk (a single-file build), so there is nothing to compile against.</summary>
    public const string NoSdkAssembly = "KLC007";

    /// <summary>Two rules share an id or a slug (ignoring case), which a rule catalog cannot tell apart.</summary>
    public const string SharedName = "KLC008";

    /// <summary>An extern method (a DllImport): custom rules call no native code.</summary>
    public const string NativeCode = "KLC009";
}

/// <summary>The messages the compiler's checks and the loader share, for the same problem found either way.</summary>
internal static class RuleMessages
{
    public const string NoRule = "no custom rule: a rule is a public, non-abstract, non-generic class deriving from Linter.Core.Rules.Rule";

    public static string NoParameterlessConstructor(string ruleClass) =>
        $"rule class '{ruleClass}' has no public parameterless constructor, so kubelint cannot create it";
}
