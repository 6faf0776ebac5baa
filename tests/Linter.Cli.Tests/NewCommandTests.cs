using Linter.Core.Engine;
using Linter.Tests;

namespace Linter.Cli.Tests;

/// <summary><c>kubelint new rule</c>: the folder of a custom rule, its id, and what it refuses.</summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private CliRun New(params string[] args) => Cli.RunIn(_folder.Root, string.Empty, ["new", "rule", .. args]);

    private string RuleFolder(string slug, string dir = ".kubelint/rules") => Path.Combine(_folder.Root, dir, slug);

    [Fact]
    public void Creates_the_rule_its_page_and_fixtures_with_the_id_slug_and_class_name()
    {
        var run = New("readiness-behind-service");

        Assert.Equal(0, run.ExitCode);
        var folder = RuleFolder("readiness-behind-service");
        Assert.Equal(
            ["CR001.md", "ReadinessBehindServiceRule.cs", "fixtures/invalid-1.yaml", "fixtures/valid-1.yaml"],
            Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        var code = File.ReadAllText(Path.Combine(folder, "ReadinessBehindServiceRule.cs"));
        Assert.Contains("namespace CustomRules;", code);
        Assert.Contains("public sealed class ReadinessBehindServiceRule() : Rule(new RuleDescriptor(\"CR001\", \"readiness-behind-service\", ", code);
        Assert.Contains("Severity.Warning, \"custom\")", code);
        Assert.Contains("context.Report(service.NameSpan, ", code);
        Assert.StartsWith("# CR001: ", File.ReadAllText(Path.Combine(folder, "CR001.md")));
        Assert.Contains("created .kubelint/rules/readiness-behind-service/ReadinessBehindServiceRule.cs", run.Stdout);
        Assert.Contains("kubelint test .kubelint/rules/readiness-behind-service", run.Stdout);
        Assert.Contains("Add .kubelint/rules to customRules: in .kubelint.yaml", run.Stdout);
    }

    [Fact]
    public void The_page_has_the_headings_of_the_built_in_pages()
    {
        New("team-label");
        var page = File.ReadAllText(Path.Combine(RuleFolder("team-label"), "CR001.md"));
        var builtIn = File.ReadAllText(Path.Combine(Cli.Root, "rules/ports/KL210-invalid-protocol/KL210.md"));

        Assert.Equal(Headings(builtIn), Headings(page));
    }

    private static IReadOnlyList<string> Headings(string page) =>
        page.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("### ", StringComparison.Ordinal)).ToList();

    [Fact]
    public void The_fixtures_expect_the_new_rule_on_the_line_it_reports_and_the_page_examples_match_them()
    {
        New("team-label", "--id", "ACME001");
        var folder = RuleFolder("team-label");
        var invalid = File.ReadAllText(Path.Combine(folder, "fixtures/invalid-1.yaml"));

        var expected = Assert.Single(FixtureExpectations.Parse(invalid));
        Assert.Equal("ACME001", expected.RuleId);
        Assert.Equal("  name: web # expect: ACME001", invalid.Split('\n')[expected.Line - 1]);
        Assert.Empty(FixtureExpectations.Parse(File.ReadAllText(Path.Combine(folder, "fixtures/valid-1.yaml"))));
        var page = File.ReadAllText(Path.Combine(folder, "ACME001.md"));
        Assert.Equal([expected.RuleId], FixtureExpectations.Parse(page).Select(e => e.RuleId));
        Assert.Contains(invalid.Substring(invalid.IndexOf('\n') + 1), page);
    }

    [Fact]
    public void Ids_count_up_from_CR001()
    {
        Assert.Equal(0, New("first").ExitCode);
        Assert.Equal(0, New("second").ExitCode);

        Assert.True(File.Exists(Path.Combine(RuleFolder("first"), "CR001.md")));
        Assert.True(File.Exists(Path.Combine(RuleFolder("second"), "CR002.md")));
    }

    [Fact]
    public void The_next_id_follows_the_highest_with_the_prefix_in_use()
    {
        Assert.Equal(0, New("first", "--dir", "policies", "--id", "ACME007").ExitCode);
        Assert.Equal(0, New("second", "--dir", "policies", "--id", "ACME002").ExitCode);

        Assert.Equal(0, New("third", "--dir", "policies").ExitCode);

        Assert.True(File.Exists(Path.Combine(RuleFolder("third", "policies"), "ACME008.md")));
    }

    [Theory]
    [InlineData("x", "XRule")]
    [InlineData("port-8080-open", "Port8080OpenRule")]
    [InlineData("team-label", "TeamLabelRule")]
    public void The_class_is_the_name_in_PascalCase(string name, string className)
    {
        Assert.Equal(0, New(name).ExitCode);

        Assert.Contains($"public sealed class {className}() : Rule(", File.ReadAllText(Path.Combine(RuleFolder(name), className + ".cs")));
    }

    [Fact]
    public void Several_prefixes_in_use_need_an_explicit_id()
    {
        New("first", "--id", "ACME001");
        New("second", "--id", "OPS001");

        var run = New("third");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("several id prefixes (ACME, OPS); choose the id with --id", run.Stderr);
    }

    [Theory]
    [InlineData("Readiness", "'Readiness' is not a rule name")]
    [InlineData("readiness_probe", "'readiness_probe' is not a rule name")]
    [InlineData("-readiness", "'-readiness' is not a rule name")]
    [InlineData("9-lives", "'9-lives' is not a rule name")]
    [InlineData("readiness--probe", "'readiness--probe' is not a rule name")]
    public void A_name_that_is_not_a_slug_is_a_usage_error(string name, string message)
    {
        var run = New(name);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_folder.Root, ".kubelint")));
    }

    [Theory]
    [InlineData("acme001", "'acme001' is not a rule id")]
    [InlineData("ACME01", "'ACME01' is not a rule id")]
    [InlineData("001", "'001' is not a rule id")]
    [InlineData("KL901", "ids starting with KL are reserved for the built-in rules")]
    [InlineData("KLX001", "ids starting with KL are reserved for the built-in rules")]
    public void An_id_of_the_wrong_shape_or_with_the_built_in_prefix_is_a_usage_error(string id, string message)
    {
        var run = New("readiness", "--id", id);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_folder.Root, ".kubelint")));
    }

    [Fact]
    public void An_id_already_in_use_is_a_usage_error()
    {
        New("first", "--id", "ACME001");

        var run = New("second", "--id", "ACME001");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ACME001 is already the id of a rule", run.Stderr);
        Assert.False(Directory.Exists(RuleFolder("second")));
    }

    [Fact]
    public void An_existing_folder_is_never_overwritten()
    {
        var folder = RuleFolder("readiness");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");

        var run = New("readiness");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".kubelint/rules/readiness already exists", run.Stderr);
        Assert.Equal(["notes.txt"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }
}
