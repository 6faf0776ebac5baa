using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Core.Engine;

/// <summary>The one entry point of every front end: load, bind, simulate, run rules, sort.</summary>
internal static class LintEngine
{
    public static LintResult Run(LintRequest request) => Run(request, runRules: true);

    /// <summary>Loads and simulates without running rules: what <c>kubelint resolve</c> shows.</summary>
    public static LintResult Resolve(LintRequest request) => Run(request, runRules: false);

    private static LintResult Run(LintRequest request, bool runRules)
    {
        // Each file is bound as soon as it is parsed, on the loading thread, and its node trees go: what rules need is
        // in the bound objects, and trees kept for the whole run were most of the memory at scale. Its text is kept as
        // UTF-8 from then on.
        var bound = new System.Collections.Concurrent.ConcurrentDictionary<SourceFile, BoundFile>();
        var loaded = ManifestLoader.Load(request.Inputs, request.WorkingDirectory, request.FileFilter, request.Cancellation, file =>
        {
            bound[file] = BoundFile.Of(file, request.Simulation);
            file.ReleaseTrees();
            file.KeepTextAsUtf8();
        });
        var files = loaded.Files;
        var snapshot = Snapshot(files, files.Select(file => bound.TryGetValue(file, out var result) ? result : BoundFile.None).ToList(), request.Simulation);
        // The snapshot holds the objects now: the table of files would otherwise stay alive (its closure) until the end.
        bound.Clear();
        CollectLargeHeap(request, GC.MaxGeneration);
        var running = request.Catalog.All.Where(r => runRules && request.Policy.MayRun(r.Descriptor)).ToList();
        var findings = Check(request, snapshot, running.Where(r => !r.RunsAfterSuppressions), suppressions: null);
        CollectLargeHeap(request, generation: 0);

        var suppressions = SuppressionFinder.Find(snapshot, request.Catalog);
        var index = new SuppressionIndex(suppressions);
        findings = findings.Select(f => Suppress(f, index)).ToList();
        findings.AddRange(Check(request, snapshot, running.Where(r => r.RunsAfterSuppressions), suppressions));
        var rendered = new RenderedAttribution(files);
        if (!rendered.IsEmpty)
        {
            findings = findings.Select(rendered.Attribute).ToList();
        }

        findings.Sort(CompareFindings);
        // A base that several kustomizations build on gives the same finding in each build: the reader sees it once.
        findings = findings.Where((f, i) => i == 0 || !SameReport(findings[i - 1], f)).ToList();

        var marked = findings;
        if (request.Fingerprints || request.Baseline is not null)
        {
            var fingerprints = FindingFingerprint.Compute(findings, snapshot.FilesByPath);
            marked = findings.Select((f, i) => f with { Fingerprint = fingerprints[i] }).ToList();
        }

        if (request.Baseline is { } baseline)
        {
            marked = marked.Select(f => f with { InBaseline = baseline.Contains(f) }).ToList();
        }

        var descriptors = running.Select(r => r.Descriptor).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        return new LintResult(snapshot, descriptors, marked) { HasBaseline = request.Baseline is not null, Excluded = loaded.Excluded };
    }

    /// <summary>
    /// From this size on the heap is collected at two moments the collector would choose worse (below, neither gains
    /// anything: 10,000 objects leave about 45 MB before the rules and 60 MB after them).
    /// </summary>
    private const long LargeHeapBytes = 96L << 20;

    /// <summary>
    /// Collects a large heap at a moment chosen for it, when kubelint runs on its own (not in a host such as MSBuild):
    /// <list type="bullet">
    /// <item>every generation, compacted, once the snapshot is built: the model and the snapshot's tables are complete
    /// and loading's garbage is dead. Left to itself, the collector ran a full collection in the snapshot (half the runs
    /// late, after its tables, leaving about 70 MB more resident at 100,000 objects) and, after a compaction at the end of
    /// loading, another one in the rules, over the whole heap (100k: 4.56 to 4.46 s, 45k: 2.42 to 2.31 s);</item>
    /// <item>generation 0 once the rules have run: it holds their garbage, and what is allocated after them (the
    /// suppressions, the sorted findings, the report: the SARIF log of 100,000 objects is 10 MB) otherwise grew the heap
    /// into pages not touched before, the run's peak. A few milliseconds; at 100,000 objects peak RSS 497 to 477 MiB and
    /// 4,600 fewer page faults, time within noise (alternating runs).</item>
    /// </list>
    /// </summary>
    private static void CollectLargeHeap(LintRequest request, int generation)
    {
        if (request.OwnsTheProcess && GC.GetTotalMemory(forceFullCollection: false) >= LargeHeapBytes)
        {
            GC.Collect(generation, GCCollectionMode.Forced, blocking: true, compacting: generation == GC.MaxGeneration);
        }
    }

    /// <summary>
    /// Runs rules, on every core (rules only read the snapshot, whose parts built on first use are thread-safe), and
    /// applies the policy in rule order: findings of rules that are off for their file are dropped, others take its severity.
    /// </summary>
    private static List<Finding> Check(LintRequest request, ClusterSnapshot snapshot, IEnumerable<Rule> rules, IReadOnlyList<Suppression>? suppressions)
    {
        var running = rules.ToList();
        var contexts = running.Select(rule => new RuleContext(snapshot, rule.Descriptor, suppressions, request.Policy.OptionsFor(rule.Descriptor))).ToList();
        var turns = AcrossFamilies(running);
        Cores.ForEachInTurn(running.Count, i => running[turns[i]].Check(contexts[turns[i]]), request.Cancellation);
        var findings = new List<Finding>();
        foreach (var context in contexts)
        {
            foreach (var finding in context.Findings)
            {
                var path = Path.GetFullPath(Path.Combine(request.WorkingDirectory, finding.Location.Path));
                if (request.Policy.SeverityFor(context.Rule, path, finding.Severity) is { } severity)
                {
                    findings.Add(finding with { Severity = severity });
                }
            }
        }

        return findings;
    }

    /// <summary>
    /// The order the cores take the rules in: one of each family in turn (the first of every family, then the second…).
    /// Rules of a family share the simulation's parts built on first use (the name references, the policy evaluation);
    /// taken in catalog order, the second core would wait while the first builds the part both need, and the families
    /// that build the costliest parts, last in the catalog, would start last.
    /// </summary>
    internal static int[] AcrossFamilies(IReadOnlyList<Rule> rules)
    {
        var rank = new int[rules.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var family = rules[i].Descriptor.Family;
            rank[i] = seen.TryGetValue(family, out var count) ? count : 0;
            seen[family] = rank[i] + 1;
        }

        return Enumerable.Range(0, rules.Count).OrderBy(i => rank[i]).ToArray();
    }

    private static Finding Suppress(Finding finding, SuppressionIndex suppressions)
    {
        var by = suppressions.FirstCovering(finding);
        if (by is null)
        {
            return finding;
        }

        by.Used = true;
        return finding with { SuppressedBy = by.Describe() };
    }

    /// <summary>Binds every document and builds the simulated cluster; binding problems join each file's problems.</summary>
    public static ClusterSnapshot Simulate(IReadOnlyList<SourceFile> files, SimulationOptions options)
    {
        // A file's documents bind on their own: files bind in parallel.
        return Snapshot(files, Cores.Map(files, file => BoundFile.Of(file, options)), options);
    }

    /// <summary>The snapshot of the files' bound objects (<paramref name="bound"/>: one per file), in input order; binding problems join each file's problems.</summary>
    private static ClusterSnapshot Snapshot(IReadOnlyList<SourceFile> files, IReadOnlyList<BoundFile> bound, SimulationOptions options)
    {
        var objects = new List<KubeObject>();
        for (var i = 0; i < files.Count; i++)
        {
            var (file, ofFile) = (files[i], bound[i]);
            // A file that a kustomization names as a patch lost its documents after it was bound: it is not linted.
            if (ofFile.Objects.Length == file.Documents.Count)
            {
                file.Problems.AddRange(ofFile.Problems);
                objects.AddRange(ofFile.Objects);
            }
        }

        return new ClusterSnapshot(files, objects, options);
    }

    /// <summary>A file's objects and the problems binding them raised.</summary>
    private sealed record BoundFile(KubeObject[] Objects, List<InputProblem> Problems)
    {
        public static BoundFile None { get; } = new([], []);

        public static BoundFile Of(SourceFile file, SimulationOptions options)
        {
            var problems = new List<InputProblem>();
            return new BoundFile(ObjectBinder.BindFile(file, options.DefaultNamespace, problems), problems);
        }
    }

    private static bool SameReport(Finding a, Finding b) =>
        a.RuleId == b.RuleId && a.Location == b.Location && a.Message == b.Message;

    private static int CompareFindings(Finding a, Finding b)
    {
        var c = string.CompareOrdinal(a.Location.Path, b.Location.Path);
        if (c == 0) c = a.Location.Line.CompareTo(b.Location.Line);
        if (c == 0) c = a.Location.Column.CompareTo(b.Location.Column);
        if (c == 0) c = string.CompareOrdinal(a.RuleId, b.RuleId);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}
