using System.Diagnostics.CodeAnalysis;
using Linter.Core.Rules;

namespace Linter.CustomRules;

/// <summary>
/// Compiles custom rules written in C# (against Linter.Core) at run time and loads them. The uses of banned APIs
/// (files, processes, the network, code loading, the environment, native code, threads, the console) are errors, so
/// rules stay checks over the simulated cluster; they are guard rails against mistakes, not a sandbox against hostile
/// code. An assembly that compiled is kept in <paramref name="cacheDirectory"/> (null: no cache), so the same sources
/// are not compiled again.
/// </summary>
public sealed class CustomRuleCompiler(string? cacheDirectory)
{
    /// <summary>The name of the compiled assembly.</summary>
    public const string AssemblyName = "kubelint-custom-rules";

    private readonly CompileCache _cache = new(cacheDirectory);

    /// <summary>
    /// Compiles <paramref name="sourceFiles"/> (full paths, in any order) and loads their rules. Problems are shown
    /// relative to <paramref name="displayRoot"/>; warnings do not stop the load, any error does (no rules then).
    /// </summary>
    [RequiresUnreferencedCode(CustomRuleLoader.ReflectionReason)]
    [RequiresDynamicCode(CustomRuleLoader.ReflectionReason)]
    public CompileResult Compile(IReadOnlyList<string> sourceFiles, string displayRoot)
    {
        var (sources, unreadable) = RuleSource.ReadAll(sourceFiles, displayRoot);
        if (unreadable.Count > 0)
        {
            return CompileResult.Failed(unreadable);
        }
        if (sources.Count == 0)
        {
            return CompileResult.Failed([CompileProblem.ErrorAtFile(".", CompileProblemIds.NoRule, "no custom rule: no source file was given")]);
        }
        var sdkPath = typeof(Rule).Assembly.Location;
        if (sdkPath.Length == 0)
        {
            return CompileResult.Failed([CompileProblem.ErrorAtFile(sources[0].DisplayPath, CompileProblemIds.NoSdkAssembly,
                "this build of kubelint cannot compile custom rules (its Linter.Core is no file on disk); use a precompiled rule pack")]);
        }

        var key = CompileCache.Key(sources);
        if (_cache.TryRead(key) is { } cached)
        {
            return Load(cached.Assembly, cached.Warnings, sources[0].DisplayPath, fromCache: true);
        }
        var built = RuleAssemblyBuilder.Build(sources, AssemblyName, sdkPath);
        if (built.Assembly is null)
        {
            return CompileResult.Failed(built.Problems);
        }
        _cache.Write(key, built.Assembly, built.Problems);
        return Load(built.Assembly, built.Problems, sources[0].DisplayPath, fromCache: false);
    }

    /// <summary>The cache directory to use: <c>$XDG_CACHE_HOME/kubelint/custom-rules</c>, else
    /// <c>~/.cache/kubelint/custom-rules</c>; on Windows <c>%LOCALAPPDATA%\kubelint\custom-rules</c>.</summary>
    public static string DefaultCacheDirectory() => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "kubelint", "custom-rules")
        : DefaultCacheDirectory(Environment.GetEnvironmentVariable("XDG_CACHE_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The Unix cache directory for these values of <c>XDG_CACHE_HOME</c> and the home directory. A relative
    /// <c>XDG_CACHE_HOME</c> is ignored, as the XDG specification says.</summary>
    internal static string DefaultCacheDirectory(string? xdgCacheHome, string home) =>
        Path.Combine(string.IsNullOrEmpty(xdgCacheHome) || !Path.IsPathRooted(xdgCacheHome) ? Path.Combine(home, ".cache") : xdgCacheHome, "kubelint", "custom-rules");

    [RequiresUnreferencedCode(CustomRuleLoader.ReflectionReason)]
    [RequiresDynamicCode(CustomRuleLoader.ReflectionReason)]
    private static CompileResult Load(byte[] assembly, IReadOnlyList<CompileProblem> warnings, string firstFile, bool fromCache)
    {
        var loaded = CustomRuleLoader.Load(assembly, firstFile);
        return new CompileResult(loaded.Rules, [.. warnings, .. loaded.Problems], fromCache);
    }
}
