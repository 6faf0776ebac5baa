using Linter.Tests;

namespace Linter.Cli.Tests;

/// <summary><c>kubelint test</c>: rule folders' fixtures linted as the rule tests lint them.</summary>
public sealed class TestCommandTests : IDisposable
{
    private const string Kl210 = "rules/ports/KL210-invalid-protocol";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Copies a rule folder of the repository to the temporary folder, under its own name.</summary>
    private string CopyRuleFolder(string relativeFolder)
    {
        var target = Path.Combine(_folder.Root, Path.GetFileName(relativeFolder));
        foreach (var file in Directory.GetFiles(Path.Combine(Cli.Root, relativeFolder), "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(Path.Combine(Cli.Root, relativeFolder), file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    private static int FixtureCount(string folder) =>
        Directory.GetFiles(folder, "*.y*ml", SearchOption.AllDirectories).Count(f => Path.GetFileName(Path.GetDirectoryName(f)) == "fixtures");

    [Fact]
    public void A_rule_folder_of_the_repository_passes()
    {
        var run = Cli.Run("test", Kl210);

        Assert.Equal(0, run.ExitCode);
        var count = FixtureCount(Path.Combine(Cli.Root, Kl210));
        Assert.Equal($"{count} fixtures of 1 rule: {count} passed, 0 failed\n", run.Stdout.ReplaceLineEndings("\n"));
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void Every_built_in_rule_passes_its_fixtures_as_in_the_rule_tests()
    {
        var run = Cli.Run("test", "rules");

        Assert.Equal(0, run.ExitCode);
        var count = FixtureCount(Path.Combine(Cli.Root, "rules"));
        Assert.Equal($"{count} fixtures of {Linter.Rules.BuiltInRules.Catalog.All.Count} rules: {count} passed, 0 failed\n", run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void One_fixture_file_can_be_tested_alone()
    {
        var run = Cli.Run("test", Kl210 + "/fixtures/invalid-service-protocol.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1 fixture of 1 rule: 1 passed, 0 failed\n", run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_expectation_on_the_wrong_line_is_a_miss_and_the_finding_an_extra()
    {
        var folder = CopyRuleFolder(Kl210);
        var fixture = Path.Combine(folder, "fixtures", "invalid-service-protocol.yaml");
        var lines = File.ReadAllText(fixture).Replace("protocol: tcp # expect: KL210", "protocol: tcp").Split('\n');
        var finding = Array.FindIndex(lines, l => l.EndsWith("protocol: tcp", StringComparison.Ordinal));
        lines[finding - 1] += " # expect: KL210";
        File.WriteAllText(fixture, string.Join('\n', lines));

        var run = Cli.RunIn(_folder.Root, string.Empty, "test");

        Assert.Equal(1, run.ExitCode);
        var shown = "KL210-invalid-protocol/fixtures/invalid-service-protocol.yaml";
        var column = lines[finding].IndexOf("tcp", StringComparison.Ordinal) + 1;
        var output = run.Stdout.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(3, output.Length);
        Assert.Equal($"{shown}:{finding}: missing KL210", output[0]);
        Assert.StartsWith($"{shown}:{finding + 1}:{column}: unexpected KL210: protocol `tcp` on service port 80", output[1]);
        Assert.Equal("4 fixtures of 1 rule: 3 passed, 1 failed", output[2]);
    }

    [Fact]
    public void A_valid_fixture_with_an_expectation_and_an_invalid_one_without_fail()
    {
        var folder = CopyRuleFolder(Kl210);
        File.AppendAllText(Path.Combine(folder, "fixtures", "valid-app-protocol.yaml"), "# expect: KL210\n");
        File.WriteAllText(Path.Combine(folder, "fixtures", "invalid-nothing.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");

        var run = Cli.RunIn(_folder.Root, string.Empty, "test");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("KL210-invalid-protocol/fixtures/invalid-nothing.yaml: an invalid-* fixture must expect a finding", run.Stdout);
        Assert.Matches(@"KL210-invalid-protocol/fixtures/valid-app-protocol\.yaml:\d+: a valid-\* fixture must give no finding, but expects KL210", run.Stdout);
        Assert.EndsWith("5 fixtures of 1 rule: 3 passed, 2 failed\n", run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_configuration_found_above_the_path_applies()
    {
        CopyRuleFolder("rules/ports/KL205-node-port-out-of-range");
        _folder.Write(".kubelint.yaml", "cluster:\n  nodePortRange: 1-65535\n");

        var run = Cli.RunIn(_folder.Root, string.Empty, "test", "KL205-node-port-out-of-range");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"KL205-node-port-out-of-range/fixtures/invalid-above-range\.yaml:\d+: missing KL205", run.Stdout);
    }

    [Fact]
    public void A_configuration_file_that_does_not_exist_is_a_usage_error()
    {
        var run = Cli.Run("test", Kl210, "--config", "missing.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("config file missing.yaml does not exist", run.Stderr);
    }

    [Fact]
    public void A_page_whose_id_no_rule_has_is_a_usage_error()
    {
        _folder.Write("readiness/ACME001.md", "# ACME001: Readiness\n");
        _folder.Write("readiness/fixtures/valid-1.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");

        var run = Cli.RunIn(_folder.Root, string.Empty, "test");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("readiness/ACME001.md: no rule 'ACME001'", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData(new string[0], "found none")]
    [InlineData(new[] { "KL210.md", "KL211.md" }, "found KL210.md, KL211.md")]
    public void A_fixtures_folder_needs_exactly_one_page_beside_it(string[] pages, string found)
    {
        foreach (var page in pages)
        {
            _folder.Write("rule/" + page, "# page\n");
        }

        _folder.Write("rule/README.md", "# not a page\n");
        _folder.Write("rule/fixtures/valid-1.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");

        var run = Cli.RunIn(_folder.Root, string.Empty, "test");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("rule: a rule folder needs exactly one page <ID>.md beside its fixtures folder; " + found, run.Stderr);
    }

    [Fact]
    public void A_folder_without_fixtures_is_a_usage_error()
    {
        _folder.Write("notes/README.md", "# nothing to test\n");

        var run = Cli.RunIn(_folder.Root, string.Empty, "test");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no fixtures under .", run.Stderr);
    }

    [Theory]
    [InlineData("missing", "missing does not exist")]
    [InlineData("notes/README.md", "notes/README.md is not a fixture")]
    public void A_path_that_is_neither_a_folder_nor_a_fixture_is_a_usage_error(string path, string message)
    {
        _folder.Write("notes/README.md", "# nothing to test\n");

        var run = Cli.RunIn(_folder.Root, string.Empty, "test", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }
}
