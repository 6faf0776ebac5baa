using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Tests;

/// <summary>Fingerprints are computed when a report shows them or a baseline matches them, and only then.</summary>
public sealed class FingerprintTests
{
    private const string NodePortOutOfRange = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports: [{port: 80, nodePort: 8080}]\n";

    /// <summary>Every finding, those a baseline holds too.</summary>
    private static IReadOnlyList<Finding> Run(bool fingerprints, IBaseline? baseline = null) =>
        LintEngine.Run(new LintRequest
        {
            Inputs = [InputSource.FromText("app.yaml", NodePortOutOfRange)],
            Catalog = BuiltInRules.Catalog,
            Fingerprints = fingerprints,
            Baseline = baseline,
        }).All;

    [Fact]
    public void Findings_get_fingerprints_by_default_and_none_when_no_report_shows_them()
    {
        var shown = Run(fingerprints: true);
        Assert.NotEmpty(shown);
        Assert.All(shown, f => Assert.Matches("^[0-9a-f]{24}:[0-9]+$", f.Fingerprint));

        var hidden = Run(fingerprints: false);
        Assert.Equal(shown.Select(f => (f.RuleId, f.Location)), hidden.Select(f => (f.RuleId, f.Location)));
        Assert.All(hidden, f => Assert.Empty(f.Fingerprint));
    }

    [Fact]
    public void A_baseline_matches_fingerprints_even_when_no_report_shows_them()
    {
        var baseline = new Known(Run(fingerprints: true).Select(f => f.Fingerprint));
        var findings = Run(fingerprints: false, baseline);
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.True(f.InBaseline));
    }

    private sealed class Known(IEnumerable<string> fingerprints) : IBaseline
    {
        private readonly HashSet<string> _fingerprints = [.. fingerprints];

        public bool Contains(Finding finding) => _fingerprints.Contains(finding.Fingerprint);
    }
}
