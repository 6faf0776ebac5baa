using System.Text;
using Linter.Bench;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Rules.Tests;

/// <summary>
/// The benchmark's synthetic cluster (bench/Linter.Bench/SyntheticCorpus.cs, linked, not copied) injects known
/// mistakes. Written to disk and linted with every built-in rule and the default settings, kubelint must find each of
/// them (recall) and report nothing else (precision): no other warning or error, and no note, since none is expected.
/// </summary>
public sealed class SyntheticClusterTests
{
    private const int Namespaces = 8;
    private const int Apps = 6;

    [Theory]
    [InlineData(1, false, false)]
    [InlineData(2, false, false)]
    [InlineData(1, true, false)]
    [InlineData(2, true, false)]
    [InlineData(3, true, true)]
    [InlineData(4, false, true)]
    [InlineData(5, true, true)]
    public void Kubelint_reports_exactly_the_injected_mistakes(int seed, bool trafficEntry, bool networkPolicies)
    {
        var cluster = SyntheticCorpus.Generate(Namespaces, Apps, seed, trafficEntry, networkPolicies);
        Assert.Equal(trafficEntry, cluster.Mistakes.Any(m => m.RuleId.StartsWith("KL6", StringComparison.Ordinal)));
        Assert.Equal(networkPolicies, cluster.Mistakes.Any(m => m.RuleId.StartsWith("KL7", StringComparison.Ordinal)));
        Assert.Contains(cluster.Mistakes, m => m.RuleId == "KL207");
        Assert.Contains(cluster.Mistakes, m => m.RuleId == "KL302");
        Assert.Contains(cluster.Mistakes, m => m.RuleId == "KL101" && m.What.Contains("selector typo", StringComparison.Ordinal));
        Assert.Contains(cluster.Mistakes, m => m.RuleId == "KL101" && m.What.Contains("selects pods of namespace", StringComparison.Ordinal));

        var findings = LintOnDisk(cluster);
        var expected = new SortedSet<string>(cluster.Mistakes.Select(m => Key(m.RuleId, m.Path, m.Line)), StringComparer.Ordinal);
        Assert.Equal(cluster.Mistakes.Count, expected.Count);
        var reported = findings.Where(f => f.Severity >= Severity.Warning).ToList();
        var actual = new SortedSet<string>(reported.Select(f => Key(f.RuleId, f.Location.Path, f.Location.Line)), StringComparer.Ordinal);
        var notes = findings.Where(f => f.Severity < Severity.Warning).ToList();

        var found = expected.Intersect(actual, StringComparer.Ordinal).Count();
        var recall = expected.Count == 0 ? 1.0 : (double)found / expected.Count;
        var precision = actual.Count == 0 ? 1.0 : (double)found / actual.Count;
        Assert.True(expected.SetEquals(actual) && reported.Count == actual.Count && notes.Count == 0,
            $"seed {seed}: recall {recall:P1} ({found}/{expected.Count}), precision {precision:P1} ({found}/{actual.Count}), {notes.Count} notes\n" +
            $"missed:\n  {string.Join("\n  ", cluster.Mistakes.Where(m => !actual.Contains(Key(m.RuleId, m.Path, m.Line))))}\n" +
            $"not injected:\n{Explain(findings.Where(f => !expected.Contains(Key(f.RuleId, f.Location.Path, f.Location.Line))))}");
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_files_and_another_seed_other_names()
    {
        var first = SyntheticCorpus.Generate(Namespaces, Apps, seed: 7);
        var again = SyntheticCorpus.Generate(Namespaces, Apps, seed: 7);
        Assert.Equal(first.Files.Select(f => f.Path), again.Files.Select(f => f.Path));
        Assert.All(first.Files.Zip(again.Files), pair => Assert.Equal(Encoding.UTF8.GetBytes(pair.First.Text), Encoding.UTF8.GetBytes(pair.Second.Text)));
        Assert.Equal(first.Mistakes, again.Mistakes);

        var other = SyntheticCorpus.Generate(Namespaces, Apps, seed: 8);
        Assert.NotEqual(first.Mistakes.Select(m => m.Path), other.Mistakes.Select(m => m.Path));
    }

    [Fact]
    public void The_benchmark_input_keeps_its_shape()
    {
        var files = SyntheticCorpus.Generate(namespaces: 2, appsPerNamespace: 3);
        Assert.Equal(SyntheticCorpus.Generate(2, 3, seed: 1).Files, files);
        Assert.Equal(2, files.Count(f => f.Path.EndsWith("/namespace.yaml", StringComparison.Ordinal)));
        Assert.Equal(6, files.Count(f => f.Path.Contains("/app-", StringComparison.Ordinal)));
    }

    private static IReadOnlyList<Finding> LintOnDisk(SyntheticCluster cluster)
    {
        var root = Path.Combine(Path.GetTempPath(), "kubelint-synthetic-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var (path, text) in cluster.Files)
            {
                var full = Path.Combine(root, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }

            return LintEngine.Run(new LintRequest { Inputs = [InputSource.FromPath(root)], Catalog = BuiltInRules.Catalog, WorkingDirectory = root }).Findings;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Key(string rule, string path, int line) => $"{rule} {path}:{line}";

    private static string Explain(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"  {f.RuleId} {f.Severity} {f.Location.Path}:{f.Location.Line}:{f.Location.Column} {f.Message}"));
}
