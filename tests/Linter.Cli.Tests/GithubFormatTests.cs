using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Linter.Tests;

namespace Linter.Cli.Tests;

/// <summary>The github format within GitHub's limits: 10 annotations per level per step, a job summary of at most 1 MiB.</summary>
public sealed class GithubFormatTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Twelve NodePort Services with a node port out of range (errors) whose selectors match no pod (warnings).</summary>
    private string ManyFindings()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 12; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Service\nmetadata:\n  name: web-{i}\n  namespace: shop\nspec:\n  type: NodePort\n  selector:\n    app: web-{i}\n  ports:\n    - port: 80\n      nodePort: {8000 + i}\n---\n");
        }

        yaml.Append("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");
        return _folder.Write("services.yaml", yaml.ToString());
    }

    [Fact]
    public void Past_ten_annotations_of_a_level_the_rest_go_to_a_log_group_and_the_last_annotation_counts_them()
    {
        ManyFindings();
        var json = Cli.RunIn(_folder.Root, string.Empty, "check", ".", "--format", "json").Json.GetProperty("findings").EnumerateArray().ToList();
        var bySeverity = json.GroupBy(f => f.GetProperty("severity").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(bySeverity["error"] > 10 && bySeverity["warning"] > 10, "the input should have more than 10 errors and 10 warnings");

        var lines = Cli.RunIn(_folder.Root, string.Empty, "check", ".", "--format", "github").Stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal(10, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal(10, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        var hidden = json.Count - 20 - Math.Min(bySeverity.GetValueOrDefault("note"), 9);
        Assert.Contains($"::group::{hidden} more findings", lines);
        var logged = lines.SkipWhile(l => !l.StartsWith("::group::", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l != "::endgroup::").ToList();
        Assert.Equal(hidden, logged.Count);
        Assert.All(logged, l => Assert.Matches(@"^services\.yaml:\d+:\d+: (error|warning|note) KL\d{3}: ", l));
        Assert.StartsWith($"::notice title=kubelint::{hidden} findings are not shown as annotations (", lines[^1], StringComparison.Ordinal);
        Assert.Contains("GitHub shows 10 per level per step", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_or_fewer_per_level_are_all_annotations_with_no_closing_notice()
    {
        var run = Cli.RunIn(Cli.Root, string.Empty, "check", "examples", "--format", "github");

        Assert.DoesNotContain("::group::", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("title=kubelint::", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_step_summary_file_the_markdown_report_is_appended_to_it()
    {
        var summary = _folder.Write("summary.md", "## Earlier step output\n");
        var ci = new CiEnvironment(summary, "https://github.com/acme/shop/blob/0123abc");

        var run = Cli.RunInCi(ci, Cli.Root, "check", "examples", "--format", "github");
        var markdown = Cli.RunInCi(ci, Cli.Root, "check", "examples", "--format", "markdown").Stdout;

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("## Earlier step output\n" + markdown, File.ReadAllText(summary));
        Assert.Contains("[examples/shop/web.yaml:54:17](https://github.com/acme/shop/blob/0123abc/examples/shop/web.yaml#L54)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_of_many_findings_stays_under_one_mebibyte_and_counts_what_it_leaves_out()
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");
        for (var i = 0; i < 3000; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web-{i}\n  namespace: shop\nspec:\n  type: NodePort\n  selector:\n    app: web-{i}-{new string('x', 40)}\n  ports:\n    - port: 80\n      nodePort: {1000 + i}\n");
        }

        _folder.Write("many.yaml", yaml.ToString());
        var summary = Path.Combine(_folder.Root, "summary.md");

        Cli.RunInCi(new CiEnvironment(summary, null), _folder.Root, "check", ".", "--format", "github");

        var bytes = new FileInfo(summary).Length;
        Assert.InRange(bytes, 512 * 1024, 1024 * 1024);
        var text = File.ReadAllText(summary);
        var listed = Regex.Matches(text, @"^\| (error|warning|note) \|", RegexOptions.Multiline).Count;
        var left = int.Parse(Regex.Match(text, @"^(\d+) more findings are not listed", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
        var total = Cli.RunIn(_folder.Root, string.Empty, "check", ".", "--format", "json").Json.GetProperty("findings").GetArrayLength();
        Assert.Equal(total, listed + left);
    }

    [Fact]
    public void Source_url_overrides_the_ci_environment_and_the_help_explains_the_new_options()
    {
        var ci = new CiEnvironment(null, "https://github.com/acme/shop/blob/0123abc");

        var markdown = Cli.RunInCi(ci, Cli.Root, "check", "examples", "--format", "markdown", "--source-url", "https://git.example.com/shop/-/blob/main/").Stdout;
        var help = Regex.Replace(Cli.Run("check", "--help").Stdout, @"\s+", " ");

        Assert.Contains("(https://git.example.com/shop/-/blob/main/examples/shop/web.yaml#L54)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("github.com/acme", markdown, StringComparison.Ordinal);
        Assert.Contains("--junit-cases", help, StringComparison.Ordinal);
        Assert.Contains("rule (one per rule", help, StringComparison.Ordinal);
        Assert.Contains("--source-url", help, StringComparison.Ordinal);
        Assert.Contains("GITHUB_SERVER_URL", help, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ci_environment_links_to_the_commit_on_github_or_gitlab()
    {
        var github = CiEnvironment.From(new Dictionary<string, string?>
        {
            ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "acme/shop", ["GITHUB_SHA"] = "abc", ["GITHUB_STEP_SUMMARY"] = "/tmp/s",
        }.GetValueOrDefault);
        var gitlab = CiEnvironment.From(new Dictionary<string, string?> { ["CI_PROJECT_URL"] = "https://gitlab.com/acme/shop", ["CI_COMMIT_SHA"] = "def" }.GetValueOrDefault);
        var none = CiEnvironment.From(_ => null);

        Assert.Equal(new CiEnvironment("/tmp/s", "https://github.com/acme/shop/blob/abc"), github);
        Assert.Equal(new CiEnvironment(null, "https://gitlab.com/acme/shop/-/blob/def"), gitlab);
        Assert.Equal(CiEnvironment.None, none);
    }
}
