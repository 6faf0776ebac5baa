using System.Diagnostics.CodeAnalysis;
using Linter.Core.Config;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.CustomRules;
using Linter.Rules;

namespace Linter.Cli;

/// <summary>
/// The rule catalog of a run: the built-in rules, and the custom rules the configuration names (<c>customRules</c>:
/// C# sources, compiled here; <c>rulePackages</c>: precompiled class libraries), unless <c>--no-custom-rules</c>.
/// </summary>
internal static class CustomRuleLoading
{
    /// <summary>
    /// Custom rules can be loaded: false in the Native AOT binary (the project sets the switch when publishing it), which
    /// cannot compile or load code; the trimmer then leaves the compiler out.
    /// </summary>
    [FeatureSwitchDefinition("Kubelint.CustomRules.IsSupported")]
    private static bool IsSupported => !AppContext.TryGetSwitch("Kubelint.CustomRules.IsSupported", out var supported) || supported;

    /// <summary>The catalog for these options, or null after reporting why there is none (a usage error: exit 2).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Load runs only where IsSupported is true, never in the trimmed native binary.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Load runs only where IsSupported is true, never in the native binary.")]
    public static RuleCatalog? Catalog(LintOptions options, bool noCustomRules, TextWriter stderr)
    {
        var (sources, display) = LintSetup.CustomRuleSources(options);
        if (!sources.Any)
        {
            return BuiltInRules.Catalog;
        }

        if (noCustomRules)
        {
            stderr.WriteLine($"kubelint: the custom rules that {display} names are not run (--no-custom-rules)");
            return BuiltInRules.Catalog.LackingCustomRules();
        }

        if (!IsSupported)
        {
            stderr.WriteLine($"kubelint: {display} names custom rules (customRules, rulePackages), which this native binary cannot load: it cannot compile or load code. " +
                "Run the kubelint dotnet tool instead (dotnet tool install --global kubelint), or pass --no-custom-rules to lint without them");
            return null;
        }

        return Load(sources, options.WorkingDirectory, stderr);
    }

    [RequiresDynamicCode("Compiles and loads custom rules.")]
    [RequiresUnreferencedCode("Compiles and loads custom rules.")]
    private static RuleCatalog? Load(RuleSources sources, string workingDirectory, TextWriter stderr)
    {
        var custom = new List<CustomRule>();
        var failed = false;
        void Report(IEnumerable<CompileProblem> problems)
        {
            foreach (var problem in problems)
            {
                var at = problem.At;
                stderr.WriteLine($"{at.Path}:{at.Line}:{at.Column}: {(problem.IsError ? "error" : "warning")} {problem.Id}: {problem.Message}");
                failed |= problem.IsError;
            }
        }

        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var folder in sources.Folders)
        {
            if (!Directory.Exists(folder.FullPath))
            {
                stderr.WriteLine($"{folder.At.Path}:{folder.At.Line}:{folder.At.Column}: error: the customRules folder {ManifestLoader.DisplayPath(folder.FullPath, workingDirectory)} does not exist");
                failed = true;
                continue;
            }

            var inFolder = SourceFiles(folder.FullPath).ToList();
            if (inFolder.Count == 0)
            {
                stderr.WriteLine($"{folder.At.Path}:{folder.At.Line}:{folder.At.Column}: error: the customRules folder {ManifestLoader.DisplayPath(folder.FullPath, workingDirectory)} has no C# file (`kubelint new rule NAME --dir` creates one)");
                failed = true;
            }

            files.AddRange(inFolder);
            foreach (var page in Directory.EnumerateFiles(folder.FullPath, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                pages.TryAdd(Path.GetFileNameWithoutExtension(page), page);
            }
        }

        if (files.Count > 0 && !failed)
        {
            var compiled = new CustomRuleCompiler(CustomRuleCompiler.DefaultCacheDirectory()).Compile(files, workingDirectory);
            Report(compiled.Problems);
            var origin = sources.Folders[0].At;
            custom.AddRange(compiled.Rules.Select(rule => new CustomRule(rule, pages.TryGetValue(rule.Descriptor.Id, out var page) ? InputFiles.ReadText(page, LoadLimits.MaxFileBytes, rejectBinary: true).Text : null, origin)));
        }

        var (packaged, packageProblems) = CustomRuleLoader.LoadPackages(sources.Packages, workingDirectory);
        Report(packageProblems);
        custom.AddRange(packaged);

        var (catalog, problems) = CustomRuleCatalog.Compose(BuiltInRules.Catalog, custom);
        foreach (var problem in problems)
        {
            stderr.WriteLine(problem);
        }

        return failed || problems.Count > 0 ? null : catalog;
    }

    /// <summary>The C# files of a rules folder, without build outputs and rule fixtures.</summary>
    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "fixtures"));
}
