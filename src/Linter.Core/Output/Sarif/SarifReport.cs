using System.IO.Compression;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Core.Output.Sarif;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers, written by <see cref="SarifWriter"/> from typed
/// records (Sarif.Sdk is not available). Byte-identical for identical input.
/// </summary>
internal sealed class SarifReport : IReportWriter
{
    public const string SourceRoot = "SRCROOT";

    public string Name => "sarif";

    public string Description => "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers";

    public bool ShowsFingerprints => true;

    /// <summary>GitHub code scanning accepts at most this many results per run.</summary>
    public int MaxResults { get; init; } = 25_000;

    /// <summary>GitHub code scanning accepts uploads up to 10 MB gzip-compressed.</summary>
    public long MaxCompressedBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>
    /// Every finding, for a baseline: GitHub's limits are for uploads, and a finding a baseline leaves out would come
    /// back as new (a monorepo adopting kubelint easily has more than 25,000).
    /// </summary>
    public static SarifReport Complete() => new() { MaxResults = int.MaxValue, MaxCompressedBytes = long.MaxValue };

    public void Write(LintResult result, TextWriter output, ReportContext context)
    {
        var keep = Math.Min(result.All.Count, MaxResults);
        // A file takes the log straight in, without a copy in memory (10 MB for 100,000 objects, at the run's peak of
        // memory); other outputs get it from a buffer.
        if (Utf8Document.BytesOf(output) is { CanSeek: true } file)
        {
            WriteFitting(result, file, context, keep);
            output.WriteLine();
            return;
        }

        using var buffer = Buffer(keep);
        WriteFitting(result, buffer, context, keep);
        Utf8Document.Write(output, buffer.GetBuffer(), (int)buffer.Length);
    }

    /// <summary>
    /// Writes the log of at most <paramref name="keep"/> results into a seekable stream; a log too large for an upload
    /// is written again from where it started, with half the results.
    /// </summary>
    private void WriteFitting(LintResult result, Stream stream, ReportContext context, int keep)
    {
        var start = stream.Position;
        while (true)
        {
            var log = Build(result, context, keep);
            SarifWriter.Write(stream, log);
            if (keep == 0 || Fits(stream.Position - start, gzip => SarifWriter.Write(gzip, log)))
            {
                return;
            }

            keep /= 2;
            stream.SetLength(start);
            stream.Position = start;
        }
    }

    /// <summary>
    /// A log of <paramref name="length"/> bytes fits an upload: at most the limit, or compressed (by
    /// <paramref name="write"/>, only for a log longer than the limit) at most the limit.
    /// </summary>
    private bool Fits(long length, Action<Stream> write)
    {
        if (length <= MaxCompressedBytes)
        {
            return true;
        }

        using var counter = new MemoryStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Fastest, leaveOpen: true))
        {
            write(gzip);
        }

        return counter.Length <= MaxCompressedBytes;
    }

    public SarifLog Build(LintResult result, ReportContext context, int maxResults)
    {
        var files = result.Snapshot.FilesByPath;
        var ruleIndex = result.Rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var artifacts = new Artifacts(context);
        var limit = Math.Min(maxResults, MaxResults);
        var total = result.All.Count;
        var kept = total <= limit ? result.All : MostSevere(result.All, limit);
        var lineHashes = LineHashes(files, kept.Select(f => f.Location));

        var results = kept.Select(finding =>
        {
            var lineHash = lineHashes.TryGetValue(finding.Location.Path, out var hashes) && hashes.TryGetValue(finding.Location.Line, out var hash) ? hash : null;

            var related = finding.Related.Select((r, i) => Location(r.Span, artifacts, i + 1, r.Message)).ToList();
            return new SarifResult(
                finding.RuleId,
                ruleIndex[finding.RuleId],
                Level(finding.Severity),
                new SarifText(MessageWithLinks(finding)),
                [Location(finding.Location, artifacts, null, null)],
                related.Count == 0 ? null : related,
                new SarifFingerprints(finding.Fingerprint, lineHash))
            {
                Suppressions = finding.SuppressedBy is { } by ? [new SarifSuppression("inSource", $"silenced by {by}")] : null,
                BaselineState = result.HasBaseline ? (finding.InBaseline ? "unchanged" : "new") : null,
            };
        }).ToList();

        var notifications = InputErrors(result, artifacts).ToList();
        if (kept.Count < total)
        {
            notifications.Add(new SarifNotification("warning", new SarifText(
                $"kubelint found {total} results; GitHub code scanning accepts at most {MaxResults} per run and 10 MB compressed, so the {kept.Count} most severe are included and {total - kept.Count} are left out; the text and JSON formats list them all.")));
        }

        var run = new SarifRun(
            new SarifTool(new SarifDriver("kubelint", context.ToolVersion, "https://github.com/kubelint/kubelint", result.Rules.Select(r => Rule(r, context)).ToList())),
            context.Category is { Length: > 0 } category ? new SarifAutomationDetails(category.EndsWith("/", StringComparison.Ordinal) ? category : category + "/") : null,
            [new SarifInvocation(true, context.ExitCode, notifications)],
            new Dictionary<string, SarifArtifactLocation> { [SourceRoot] = new(new Uri(Path.GetFullPath(context.RootDirectory).TrimEnd('/', '\\') + "/").AbsoluteUri) },
            "utf16CodeUnits",
            results);
        return new SarifLog("https://json.schemastore.org/sarif-2.1.0.json", "2.1.0", [run]);
    }

    /// <summary>
    /// The first <paramref name="limit"/> findings when those that count (not suppressed, not in the baseline) come
    /// first, most severe first; in the order of <paramref name="all"/>.
    /// </summary>
    private static List<Finding> MostSevere(IReadOnlyList<Finding> all, int limit) =>
        Enumerable.Range(0, all.Count)
            .OrderByDescending(i => all[i].IsActive)
            .ThenByDescending(i => all[i].Severity)
            .ThenBy(i => i)
            .Take(limit)
            .OrderBy(i => i)
            .Select(i => all[i])
            .ToList();

    /// <summary>
    /// A buffer for the log, sized for about 2 KB per result: written without growing it (a byte array grown by doubling
    /// and then copied cost four times the 10 MB log of 100,000 objects).
    /// </summary>
    private static MemoryStream Buffer(int results) => new((int)Math.Min(64 * 1024 + 2048L * results, 64 * 1024 * 1024));

    private static SarifRule Rule(RuleDescriptor rule, ReportContext context)
    {
        var docs = context.Documentation(rule);
        var precision = rule.Family is "input" or "ports" or "headless" ? "very-high" : "high";
        return new SarifRule(
            rule.Id,
            PascalCase(rule.Slug),
            new SarifText(rule.Title),
            new SarifText(docs.Summary),
            new SarifText(docs.Markdown, docs.Markdown),
            rule.HelpUri,
            new SarifConfiguration(Level(rule.DefaultSeverity)),
            new SarifRuleProperties(["kubernetes", rule.Family, "correctness"], precision, ProblemSeverity(rule.DefaultSeverity)));
    }

    private static IEnumerable<SarifNotification> InputErrors(LintResult result, Artifacts artifacts) =>
        result.Files.Where(f => f.Failed).SelectMany(f => f.Problems.Where(p => p.Kind == ProblemKind.Unparseable).Select(p =>
            new SarifNotification("error", new SarifText($"{p.Span.Path}:{p.Span.Line}:{p.Span.Column}: {p.Message}"), [Location(p.Span, artifacts, null, null)], new SarifDescriptorReference("KL001"))));

    /// <summary>The message, with each related location linked as SARIF embedded links ([text](id)) so viewers show them.</summary>
    private static string MessageWithLinks(Finding finding)
    {
        if (finding.Related.Count == 0)
        {
            return finding.Message;
        }

        var links = finding.Related.Select((r, i) => $"[{Escape(r.Message)}]({i + 1})");
        return $"{finding.Message}. Related: {string.Join("; ", links)}.";
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]");

    private static SarifLocation Location(SourceSpan span, Artifacts artifacts, int? id, string? message)
    {
        var artifact = artifacts.Of(span.Path);
        var region = new SarifRegion(span.Line, span.Column, span.EndLine, Math.Max(span.EndColumn, span.EndLine == span.Line ? span.Column + 1 : 1));
        return new SarifLocation(id, new SarifPhysicalLocation(artifact, region), message is null ? null : new SarifText(message));
    }

    /// <summary>Each path's artifact location, made once: a finding and its related locations mostly share a file.</summary>
    private sealed class Artifacts(ReportContext context)
    {
        private readonly Dictionary<string, SarifArtifactLocation> _byPath = new(StringComparer.Ordinal);

        public SarifArtifactLocation Of(string path)
        {
            if (!_byPath.TryGetValue(path, out var artifact))
            {
                _byPath[path] = artifact = Locate(path);
            }

            return artifact;
        }

        private SarifArtifactLocation Locate(string path)
        {
            if (path == "<stdin>")
            {
                return new SarifArtifactLocation("stdin", SourceRoot);
            }

            return ReportPaths.RelativeTo(context.RootDirectory, context.WorkingDirectory, path) is { } relative
                ? new SarifArtifactLocation(string.Join("/", relative.Split('/').Select(Uri.EscapeDataString)), SourceRoot)
                : new SarifArtifactLocation(new Uri(Path.GetFullPath(Path.Combine(context.WorkingDirectory, path))).AbsoluteUri);
        }
    }

    /// <summary>The line hashes of the lines with a finding, by path: each file hashed once, files on every core.</summary>
    private static Dictionary<string, IReadOnlyDictionary<int, string>> LineHashes(IReadOnlyDictionary<string, SourceFile> files, IEnumerable<SourceSpan> locations)
    {
        var lines = new Dictionary<SourceFile, HashSet<int>>();
        foreach (var location in locations)
        {
            if (files.TryGetValue(location.Path, out var file) && !file.IsEmpty)
            {
                (lines.TryGetValue(file, out var set) ? set : lines[file] = []).Add(location.Line);
            }
        }

        var hashed = lines.Keys.ToList();
        var hashes = Cores.Map(hashed, file => LineFingerprints.Compute(file.Text, lines[file], file.HasByteOrderMark));
        var byPath = new Dictionary<string, IReadOnlyDictionary<int, string>>(StringComparer.Ordinal);
        for (var i = 0; i < hashed.Count; i++)
        {
            byPath[hashed[i].Path] = hashes[i];
        }

        return byPath;
    }

    public static string Level(Severity severity) => severity.ToText();

    private static string ProblemSeverity(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "recommendation",
    };

    private static string PascalCase(string slug) =>
        string.Concat(slug.Split('-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
}
