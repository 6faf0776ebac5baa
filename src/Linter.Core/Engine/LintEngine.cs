using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Core.Engine;

/// <summary>The one entry point of every front end: load, bind, simulate, run rules, sort.</summary>
public static class LintEngine
{
    public static LintResult Run(LintRequest request)
    {
        var files = ManifestLoader.Load(request.Inputs, request.WorkingDirectory);
        var snapshot = Simulate(files, request.Simulation);
        var findings = new List<Finding>();
        foreach (var rule in request.Rules)
        {
            var context = new RuleContext(snapshot, rule.Descriptor);
            rule.Check(context);
            findings.AddRange(context.Findings);
        }

        findings.Sort(CompareFindings);
        var descriptors = request.Rules.Select(r => r.Descriptor).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        return new LintResult(snapshot, descriptors, findings);
    }

    /// <summary>Binds every document and builds the simulated cluster; binding problems join each file's problems.</summary>
    public static ClusterSnapshot Simulate(IReadOnlyList<SourceFile> files, SimulationOptions options)
    {
        var objects = new List<KubeObject>();
        foreach (var file in files)
        {
            foreach (var document in file.Documents)
            {
                objects.Add(ObjectBinder.Bind(document, options.DefaultNamespace, file.Problems));
            }
        }

        return new ClusterSnapshot(files, objects, options);
    }

    private static int CompareFindings(Finding a, Finding b)
    {
        var c = string.CompareOrdinal(a.Location.Path, b.Location.Path);
        if (c == 0) c = a.Location.Line.CompareTo(b.Location.Line);
        if (c == 0) c = a.Location.Column.CompareTo(b.Location.Column);
        if (c == 0) c = string.CompareOrdinal(a.RuleId, b.RuleId);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
