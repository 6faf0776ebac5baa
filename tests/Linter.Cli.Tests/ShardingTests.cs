using System.Text.Json;

namespace Linter.Cli.Tests;

/// <summary>
/// A monorepo linted in a CI matrix, one job per folder (README, "Sharding a very large monorepo"): each shard's SARIF
/// carries its own category and repository-relative paths, and one baseline serves every shard.
/// </summary>
public sealed class ShardingTests : IDisposable
{
    private const string TeamA = "apps/team-a";
    private const string TeamB = "apps/team-b";

    private readonly string _repo = Directory.CreateTempSubdirectory("kubelint-shards-").FullName;

    public ShardingTests()
    {
        Directory.CreateDirectory(Path.Combine(_repo, ".git"));
        Write($"{TeamA}/web.yaml", Service("web", "ICMP"));
        Write($"{TeamB}/api.yaml", Service("api", "ICMP"));
        Write($"{TeamB}/nested/db.yaml", Service("db", "GRE"));
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public void Each_shard_sarif_has_its_category_and_paths_relative_to_the_repository_root()
    {
        var fromRoot = Sarif(Check(_repo, TeamA, "--format", "sarif", "--sarif-category", $"kubelint-{TeamA}"));
        Assert.Equal("kubelint-apps/team-a/", fromRoot.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.Equal(["apps/team-a/web.yaml"], Uris(fromRoot));

        // A job that changes into its folder first still reports paths from the repository root.
        var fromShard = Sarif(Check(Path.Combine(_repo, "apps", "team-b"), ".", "--format", "sarif", "--sarif-category", $"kubelint-{TeamB}"));
        Assert.Equal("kubelint-apps/team-b/", fromShard.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.Equal(["apps/team-b/api.yaml", "apps/team-b/nested/db.yaml"], Uris(fromShard).OrderBy(u => u, StringComparer.Ordinal));
    }

    [Fact]
    public void A_baseline_of_the_full_run_silences_each_shards_known_findings_and_reports_only_new_ones()
    {
        Assert.Equal(1, Check(_repo, ".", "--write-baseline", "kubelint-baseline.sarif").ExitCode);
        Write($"{TeamB}/api.yaml", "# moved by a comment\n" + Service("api", "ICMP") + "---\n" + Service("cache", "ICMP"));

        var teamA = Check(_repo, TeamA, "--baseline", "kubelint-baseline.sarif", "--format", "json");
        Assert.Equal((0, string.Empty), (teamA.ExitCode, teamA.Stderr));
        Assert.Empty(Findings(teamA));

        var teamB = Check(Path.Combine(_repo, "apps", "team-b"), ".", "--baseline", "../../kubelint-baseline.sarif", "--format", "json");
        Assert.Equal(1, teamB.ExitCode);
        var only = Assert.Single(Findings(teamB));
        Assert.Equal(("KL210", "api.yaml", 14), (only.GetProperty("ruleId").GetString(), only.GetProperty("file").GetString(), only.GetProperty("line").GetInt32()));

        var states = Sarif(Check(_repo, TeamB, "--baseline", "kubelint-baseline.sarif", "--format", "sarif")).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("baselineState").GetString()).OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(["new", "unchanged", "unchanged"], states);
    }

    [Fact]
    public void The_baselines_each_shard_wrote_together_silence_a_run_over_all_shards()
    {
        Directory.CreateDirectory(Path.Combine(_repo, "baselines"));
        Assert.Equal(1, Check(_repo, TeamA, "--write-baseline", "baselines/team-a.sarif").ExitCode);
        Assert.Equal(1, Check(_repo, TeamB, "--write-baseline", "baselines/team-b.sarif").ExitCode);

        var both = Check(_repo, ".", "--baseline", "baselines/team-a.sarif", "--baseline", "baselines/team-b.sarif", "--format", "json");
        Assert.Equal(0, both.ExitCode);
        Assert.Empty(Findings(both));

        var one = Check(_repo, ".", "--baseline", "baselines/team-a.sarif", "--format", "json");
        Assert.Equal(1, one.ExitCode);
        Assert.All(Findings(one), f => Assert.StartsWith("apps/team-b/", f.GetProperty("file").GetString()));
        Assert.Equal(2, Findings(one).Count);

        var broken = Check(_repo, ".", "--baseline", "baselines/team-a.sarif", "--baseline", $"{TeamA}/web.yaml");
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains($"cannot use baseline {TeamA}/web.yaml", broken.Stderr);
    }

    [Fact]
    public void A_run_over_all_shards_with_the_shards_baselines_reports_only_what_needs_the_whole_set()
    {
        Write($"{TeamA}/node-port.yaml", NodePort("web", "team-a"));
        Write($"{TeamB}/node-port.yaml", NodePort("api", "team-b"));
        Directory.CreateDirectory(Path.Combine(_repo, "baselines"));
        Assert.Equal(1, Check(_repo, TeamA, "--write-baseline", "baselines/team-a.sarif").ExitCode);
        Assert.Equal(1, Check(_repo, TeamB, "--write-baseline", "baselines/team-b.sarif").ExitCode);

        var whole = Check(_repo, ".", "--baseline", "baselines/team-a.sarif", "--baseline", "baselines/team-b.sarif", "--format", "json");
        var only = Assert.Single(Findings(whole));
        Assert.Equal(("KL207", "apps/team-b/node-port.yaml"), (only.GetProperty("ruleId").GetString(), only.GetProperty("file").GetString()));
    }

    [Fact]
    public void A_baseline_keeps_every_finding_beyond_the_limits_of_a_code_scanning_upload()
    {
        const int Ports = 25_001;
        var ports = string.Concat(Enumerable.Range(1, Ports).Select(p => $"  - {{name: p{p}, port: {p}, protocol: ICMP}}\n"));
        Write($"{TeamA}/many.yaml", $"apiVersion: v1\nkind: Service\nmetadata: {{name: many}}\nspec:\n  ports:\n{ports}");

        Assert.Equal(1, Check(_repo, TeamA, "--write-baseline", "kubelint-baseline.sarif", "--format", "json").ExitCode);
        using var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(_repo, "kubelint-baseline.sarif")));
        Assert.Equal(Ports + 1, baseline.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());

        var again = Check(_repo, TeamA, "--baseline", "kubelint-baseline.sarif", "--format", "json");
        Assert.Equal(0, again.ExitCode);
        Assert.Empty(Findings(again));
    }

    private static string Service(string name, string protocol) =>
        $"apiVersion: v1\nkind: Service\nmetadata: {{name: {name}}}\nspec:\n  selector: {{app: {name}}}\n  ports: [{{port: 80, protocol: {protocol}}}]\n";

    private static string NodePort(string name, string ns) =>
        $"apiVersion: v1\nkind: Service\nmetadata: {{name: {name}-public, namespace: {ns}}}\nspec:\n  type: NodePort\n  ports: [{{port: 80, nodePort: 30080}}]\n";

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static CliRun Check(string workingDirectory, string path, params string[] options) =>
        Cli.RunIn(workingDirectory, string.Empty, ["check", path, .. options]);

    private static JsonElement Sarif(CliRun run) => run.Json.GetProperty("runs")[0];

    private static List<string> Uris(JsonElement run) =>
        run.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)
            .ToList();

    private static List<JsonElement> Findings(CliRun run) => run.Json.GetProperty("findings").EnumerateArray().ToList();
}
