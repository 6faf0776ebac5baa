using System.Collections.Immutable;
using Linter.Core.Config;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Linter.Analyzer;

/// <summary>
/// Reports the findings of kubelint's built-in rules on the manifests of a project (see <see cref="ManifestAnalysis"/>).
/// The rules of rule packs are reported by the analyzer the package's targets compile for the project
/// (<see cref="KubeLintRulePackAnalyzer"/>): a Roslyn analyzer's diagnostics are fixed when it is created.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class KubeLintAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// The catalog for a configuration that names custom rules (<c>customRules</c>, <c>rulePackages</c>) or a project
    /// with rule packs: settings and suppressions that name custom rules are not unknown names (as with the CLI's
    /// <c>--no-custom-rules</c>).
    /// </summary>
    private static readonly RuleCatalog WithoutCustomRules = BuiltInRules.Catalog.LackingCustomRules();

    private static readonly ManifestAnalysis Analysis = new(
        BuiltInRules.Catalog.Descriptors.ToImmutableDictionary(d => d.Id, d => ManifestAnalysis.CreateDescriptor(d, BuiltInRules.Catalog), StringComparer.Ordinal),
        (configured, packAnalyzer) => configured.Any || packAnalyzer ? WithoutCustomRules : BuiltInRules.Catalog);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Analysis.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        Analysis.RegisterLint(context);
    }
}
