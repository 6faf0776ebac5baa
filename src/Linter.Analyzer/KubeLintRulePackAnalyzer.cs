using System.Collections.Immutable;
using Linter.Core.Config;
using Linter.Core.Rules;
using Linter.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Linter.Analyzer;

/// <summary>
/// Reports the findings of the rules of precompiled rule packs. A Roslyn analyzer's diagnostics are fixed when it is
/// created, before it sees any option, so the package's targets compile, for a project that names rule packs
/// (<c>KubeLintRulePackage</c> items, the configuration's <c>rulePackages</c>) in <c>KubeLintMode=Analyzer</c>, a
/// subclass that passes their paths, and add it to the project's analyzers. It lints with the built-in rules and the
/// packs' rules, and reports the packs' findings (<see cref="KubeLintAnalyzer"/> reports the built-in ones).
/// </summary>
public abstract class KubeLintRulePackAnalyzer : DiagnosticAnalyzer
{
    private readonly ManifestAnalysis analysis;

    /// <param name="packPaths">The full paths of the rule packs. A pack that does not load is left out: the kubelint
    /// CLI and the MSBuild task report why.</param>
    protected KubeLintRulePackAnalyzer(params string[] packPaths)
    {
        var (catalog, _) = CustomRuleCatalog.Compose(BuiltInRules.Catalog, RulePackLoader.Load(packPaths));
        var custom = catalog.Descriptors.Where(d => !d.IsBuiltIn);
        analysis = new ManifestAnalysis(
            custom.ToImmutableDictionary(d => d.Id, d => ManifestAnalysis.CreateDescriptor(d, catalog), StringComparer.Ordinal),
            (configured, _) => configured.Folders.Count > 0 ? catalog.LackingCustomRules() : catalog);
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => analysis.SupportedDiagnostics;

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        analysis.RegisterLint(context);
    }
}
