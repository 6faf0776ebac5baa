using System.Diagnostics;
using System.Text.RegularExpressions;
using Linter.Tests;
using YamlDotNet.RepresentationModel;

namespace Linter.Cli.Tests;

/// <summary>
/// The snippets of the README's "Use in CI": every kubelint command line in them runs (through bash, as the CI system
/// would, with the kubelint this build made) in a repository holding the example as deploy/ (and as each shard), and
/// the reports they hand to the CI system (artefacts, uploads) are files it wrote. Installing kubelint, uploading and
/// posting need the network and are not run; the actions they use must be at their current major versions.
/// </summary>
public sealed class CiSnippetTests : IDisposable
{
    private static readonly string[] ReportKeys = ["codequality", "junit", "sarif_file", "testResultsFiles", "PathtoPublish", "body-file"];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private sealed record Snippet(string Language, string Text, int Line);

    private static List<Snippet> Snippets()
    {
        var readme = File.ReadAllText(Path.Combine(Cli.Root, "README.md")).Replace("\r\n", "\n");
        var start = readme.IndexOf("\n## Use in CI\n", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme.Substring(start, end - start);
        var firstLine = readme.Substring(0, start).Count(c => c == '\n') + 1;
        return Regex.Matches(section, @"\n```(\w+)\n(.*?)\n```", RegexOptions.Singleline)
            .Select(m => new Snippet(m.Groups[1].Value, m.Groups[2].Value, firstLine + section.Substring(0, m.Index).Count(c => c == '\n') + 1))
            .ToList();
    }

    /// <summary>The shell command lines of a snippet: run/script values of YAML, sh steps of a Jenkinsfile, the lines of a shell block.</summary>
    private static List<string> Commands(Snippet snippet) => snippet.Language switch
    {
        "yaml" => Scalars(snippet).SelectMany(s => s.Value.Split('\n')).Select(l => l.Trim()).Where(IsKubelint).ToList(),
        "groovy" => Regex.Matches(snippet.Text, @"\bsh '([^']*)'").Select(m => m.Groups[1].Value).Where(IsKubelint).ToList(),
        "sh" => snippet.Text.Split('\n').Where(l => !l.StartsWith('#')).Where(IsKubelint).ToList(),
        _ => throw new InvalidOperationException($"README line {snippet.Line}: no test reads {snippet.Language} snippets"),
    };

    private static bool IsKubelint(string line) => line.StartsWith("kubelint ", StringComparison.Ordinal);

    private static List<(string Key, string Value)> Scalars(Snippet snippet)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(snippet.Text.StartsWith("      ", StringComparison.Ordinal) ? "steps:\n" + snippet.Text : snippet.Text));
        var found = new List<(string, string)>();
        void Walk(YamlNode node, string key)
        {
            switch (node)
            {
                case YamlScalarNode scalar: found.Add((key, scalar.Value ?? string.Empty)); break;
                case YamlSequenceNode sequence: sequence.Children.ToList().ForEach(c => Walk(c, key)); break;
                case YamlMappingNode mapping: mapping.Children.ToList().ForEach(p => Walk(p.Value, ((YamlScalarNode)p.Key).Value!)); break;
            }
        }

        yaml.Documents.ToList().ForEach(d => Walk(d.RootNode, string.Empty));
        return found;
    }

    /// <summary>The CI systems' own expressions, as the job would see them.</summary>
    private static string Substitute(string text) => text
        .Replace("${{ matrix.shard }}", "apps/team-a", StringComparison.Ordinal)
        .Replace("$(Build.ArtifactStagingDirectory)", "staging", StringComparison.Ordinal);

    [Fact]
    public void Every_kubelint_command_line_of_the_snippets_runs_and_writes_the_reports_the_ci_system_reads()
    {
        var repository = Repository();
        var snippets = Snippets();
        var ran = 0;

        foreach (var snippet in snippets)
        {
            foreach (var command in Commands(snippet).Select(Substitute))
            {
                var summary = Path.Combine(_temp.Root, $"summary-{ran}.md");
                var (code, output) = Bash(repository, command, summary);
                ran++;

                Assert.True(code is 0 or 1, $"README line {snippet.Line}: `{command}` exited {code}:\n{output}");
                foreach (Match report in Regex.Matches(command, @"--format \w+=(\S+)"))
                {
                    Assert.True(File.Exists(Path.Combine(repository, report.Groups[1].Value)), $"README line {snippet.Line}: `{command}` did not write {report.Groups[1].Value}");
                }

                if (command.Contains("--format github", StringComparison.Ordinal))
                {
                    Assert.Contains("## kubelint", File.ReadAllText(summary), StringComparison.Ordinal);
                }
            }

            foreach (var report in Reports(snippet).Select(Substitute))
            {
                Assert.True(File.Exists(Path.Combine(repository, report)) || Directory.Exists(Path.Combine(repository, report)), $"README line {snippet.Line}: the CI system reads {report}, which no command wrote");
            }
        }

        // GitHub by hand, the pull request comment, a shard, the recovery run, GitLab, Azure, Jenkins, graph: none missed.
        Assert.Equal(8, ran);
    }

    [Fact]
    public void The_snippets_use_the_current_major_versions_of_the_actions()
    {
        var uses = Snippets().Where(s => s.Language == "yaml").SelectMany(Scalars).Where(s => s.Key == "uses").Select(s => s.Value.Split(' ')[0]).Distinct().Order().ToList();

        Assert.Equal(["actions/checkout@v6", "actions/setup-dotnet@v5", "github/codeql-action/upload-sarif@v4", "kubelint/kubelint@main"], uses);
    }

    private static IEnumerable<string> Reports(Snippet snippet) => snippet.Language switch
    {
        "yaml" => Scalars(snippet).Where(s => ReportKeys.Contains(s.Key) && !s.Value.Contains("${{", StringComparison.Ordinal)).Select(s => s.Value),
        "groovy" => Regex.Matches(snippet.Text, @"(?:pattern: |junit )'([^']+)'").Select(m => m.Groups[1].Value),
        _ => [],
    };

    /// <summary>A git repository with the example as deploy/ and as the shards, and the baselines the sharding snippets read.</summary>
    private string Repository()
    {
        var root = Path.Combine(_temp.Root, "repository");
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        foreach (var folder in new[] { "deploy", "apps/team-a", "apps/team-b" })
        {
            var target = Directory.CreateDirectory(Path.Combine(root, folder)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(Cli.Examples, "shop")))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        Directory.CreateDirectory(Path.Combine(root, "staging", "CodeAnalysisLogs"));
        Assert.Equal(0, Bash(root, "kubelint check deploy/ --fail-on none --write-baseline kubelint-baseline.sarif --format json=/dev/null", Path.Combine(_temp.Root, "setup.md")).ExitCode);
        Directory.CreateDirectory(Path.Combine(root, "shards", "kubelint-shard-0"));
        File.Copy(Path.Combine(root, "kubelint-baseline.sarif"), Path.Combine(root, "shards", "kubelint-shard-0", "kubelint-shard.sarif"));
        return root;
    }

    private (int ExitCode, string Output) Bash(string folder, string command, string summary)
    {
        var bin = Path.Combine(_temp.Root, "bin");
        if (!Directory.Exists(bin))
        {
            Directory.CreateDirectory(bin);
            File.WriteAllText(Path.Combine(bin, "kubelint"), $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "kubelint.dll")}\" \"$@\"\n");
        }

        var start = new ProcessStartInfo("bash") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"kubelint() {{ sh \"{Path.Combine(bin, "kubelint")}\" \"$@\"; }}\n{command}");
        start.Environment["GITHUB_STEP_SUMMARY"] = summary;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
