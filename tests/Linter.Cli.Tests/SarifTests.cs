using System.IO.Compression;
using System.Text.Json;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Output;
using Linter.Core.Output.Sarif;
using Linter.Rules;

namespace Linter.Cli.Tests;

public sealed class SarifTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kubelint-sarif-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private JsonElement Sarif(params string[] extra)
    {
        var run = Cli.RunIn(_dir, string.Empty, ["check", ".", "--format", "sarif", .. extra]);
        return run.Json.GetProperty("runs")[0];
    }

    [Fact]
    public void Rules_carry_descriptions_help_from_their_pages_and_code_scanning_properties()
    {
        File.WriteAllText(Path.Combine(_dir, "svc.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n");
        var rule = Sarif().GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "KL203");
        Assert.Equal("NamedTargetPortNotFound", rule.GetProperty("name").GetString());
        Assert.StartsWith("# KL203: ", rule.GetProperty("help").GetProperty("markdown").GetString());
        Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
        Assert.Equal("error", rule.GetProperty("properties").GetProperty("problem.severity").GetString());
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public void Input_errors_become_notifications_and_the_exit_code_is_recorded()
    {
        File.WriteAllText(Path.Combine(_dir, "broken.yaml"), "a:\n  b: 1\n c: 2\n");
        var invocation = Sarif("--sarif-category", "manifests").GetProperty("invocations")[0];
        Assert.Equal(3, invocation.GetProperty("exitCode").GetInt32());
        var notification = invocation.GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Equal("KL001", notification.GetProperty("descriptor").GetProperty("id").GetString());
        Assert.Equal("manifests/", Sarif("--sarif-category", "manifests").GetProperty("automationDetails").GetProperty("id").GetString());
    }

    [Fact]
    public void Locations_are_relative_to_the_sarif_root()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "deploy"));
        File.WriteAllText(Path.Combine(_dir, "deploy", "svc.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80, protocol: ICMP}]}\n");
        var run = Cli.RunIn(Path.Combine(_dir, "deploy"), string.Empty, "check", ".", "--format", "sarif", "--sarif-root", "..");
        var location = run.Json.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("deploy/svc.yaml", location.GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", location.GetProperty("uriBaseId").GetString());
    }

    [Fact]
    public void The_own_fingerprint_survives_moved_lines_and_the_line_hash_follows_github()
    {
        const string Service = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80, protocol: ICMP}]}\n";
        File.WriteAllText(Path.Combine(_dir, "svc.yaml"), Service);
        var before = Sarif().GetProperty("results")[0].GetProperty("partialFingerprints");
        File.WriteAllText(Path.Combine(_dir, "svc.yaml"), "# a comment\n\n" + Service);
        var after = Sarif().GetProperty("results")[0].GetProperty("partialFingerprints");

        Assert.Equal(before.GetProperty("kubelint/v1").GetString(), after.GetProperty("kubelint/v1").GetString());
        Assert.Matches("^[0-9a-f]+:1$", after.GetProperty("primaryLocationLineHash").GetString()!);
    }

    [Fact]
    public void Past_the_result_limit_the_most_severe_results_are_kept_and_a_notification_says_so()
    {
        var result = ExampleResult();
        var run = new SarifReport { MaxResults = 4 }.Build(result, Context, int.MaxValue).Runs[0];

        Assert.Equal(4, run.Results.Count);
        Assert.Equal(["error", "error", "error", "warning"], run.Results.Select(r => r.Level).OrderBy(l => l, StringComparer.Ordinal));
        Assert.Contains(run.Invocations[0].ToolExecutionNotifications, n => n.Message.Text.Contains("the 4 most severe are included"));
    }

    [Fact]
    public void Past_the_size_limit_results_are_dropped_until_the_log_fits_and_the_most_severe_are_kept()
    {
        var result = ExampleResult();
        Assert.Equal(8, result.All.Count);
        var all = CompressedSize(Write(new SarifReport(), result));
        var four = CompressedSize(Write(new SarifReport { MaxResults = 4 }, result));
        Assert.True(four < all, $"{four} < {all}");

        // Between the two sizes: halving from 8 results, the log first fits with 4.
        var limited = JsonDocument.Parse(Write(new SarifReport { MaxCompressedBytes = (four + all) / 2 }, result)).RootElement.GetProperty("runs")[0];

        var kept = limited.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("level").GetString()).ToList();
        var mostSevere = result.All.Select(f => f.Severity).OrderDescending().Take(4).Select(SarifReport.Level);
        Assert.Equal(mostSevere.Order(StringComparer.Ordinal), kept.Order(StringComparer.Ordinal));
        var notice = limited.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString();
        Assert.Contains("kubelint found 8 results", notice);
        Assert.Contains("the 4 most severe are included", notice);
    }

    [Fact]
    public void A_file_is_written_the_log_a_text_output_gets_and_a_log_too_large_is_rewritten_in_it_with_fewer_results()
    {
        var result = ExampleResult();
        var all = CompressedSize(Write(new SarifReport(), result));
        var four = CompressedSize(Write(new SarifReport { MaxResults = 4 }, result));
        var path = Path.Combine(_dir, "out.sarif");

        foreach (var report in new[] { new SarifReport(), new SarifReport { MaxCompressedBytes = (four + all) / 2 } })
        {
            using (var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
            {
                file.Write("before the log\n");
                report.Write(result, file, Context);
            }

            Assert.Equal("before the log\n" + Write(report, result), File.ReadAllText(path));
        }

        Assert.Equal(4, JsonDocument.Parse(File.ReadAllText(path).Substring("before the log\n".Length)).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    private static ReportContext Context => new()
    {
        ToolVersion = "0.0.0",
        RootDirectory = Cli.Root,
        WorkingDirectory = Cli.Root,
        ExitCode = 1,
        Documentation = BuiltInRules.Catalog.Documentation,
    };

    private static LintResult ExampleResult() =>
        LintEngine.Run(new LintRequest { Inputs = [InputSource.FromPath(Cli.Examples)], Catalog = BuiltInRules.Catalog, WorkingDirectory = Cli.Root });

    private static string Write(SarifReport report, LintResult result)
    {
        var output = new StringWriter();
        report.Write(result, output, Context);
        return output.ToString();
    }

    private static long CompressedSize(string log)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(log);
        using var counter = new MemoryStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes, 0, bytes.Length);
        }

        return counter.Length;
    }
}
