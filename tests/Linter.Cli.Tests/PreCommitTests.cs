using System.Diagnostics;
using System.Text.RegularExpressions;
using Linter.Tests;
using YamlDotNet.RepresentationModel;

namespace Linter.Cli.Tests;

/// <summary>.pre-commit-hooks.yaml: each hook's command line, and the hooks run by pre-commit itself where it is installed.</summary>
public sealed class PreCommitTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static List<Dictionary<string, string>> Hooks()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Cli.Root, ".pre-commit-hooks.yaml"))));
        return ((YamlSequenceNode)yaml.Documents[0].RootNode).Children.Cast<YamlMappingNode>()
            .Select(h => h.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!))
            .ToList();
    }

    [Fact]
    public void Each_hook_runs_kubelint_check_on_the_whole_repository_when_a_manifest_is_staged()
    {
        var hooks = Hooks();

        Assert.Equal(["kubelint", "kubelint-tool-manifest"], hooks.Select(h => h["id"]));
        foreach (var hook in hooks)
        {
            Assert.Equal("system", hook["language"]);
            Assert.Equal("false", hook["pass_filenames"]);
            var files = new Regex(hook["files"]);
            Assert.True(files.IsMatch("deploy/web.yaml") && files.IsMatch("deploy/web.yml") && files.IsMatch("kustomize/patch.json"));
            Assert.False(files.IsMatch("README.md") || files.IsMatch("src/Program.cs"));
            var words = hook["entry"].Split(' ');
            var kubelintArgs = words.SkipWhile(w => w != "kubelint").Skip(1).ToArray();
            Assert.Equal(["check"], kubelintArgs);

            // pre-commit runs the entry from the repository root, with the hook's args and no file names.
            var run = Cli.RunIn(Cli.Examples, string.Empty, kubelintArgs);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("KL205", run.Stdout, StringComparison.Ordinal);
        }
    }

    [PreCommitFact]
    public void Pre_commit_try_repo_runs_the_hook_and_fails_on_the_examples_mistakes()
    {
        var repository = Path.Combine(_temp.Root, "repo");
        CopyFolder(Path.Combine(Cli.Examples, "shop"), Path.Combine(repository, "deploy"));
        var bin = Directory.CreateDirectory(Path.Combine(_temp.Root, "bin")).FullName;
        var wrapper = Path.Combine(bin, "kubelint");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet \"{Path.Combine(AppContext.BaseDirectory, "kubelint.dll")}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Run("git", repository, "init", "-q");
        Run("git", repository, "add", ".");

        var (code, output) = Run("pre-commit", repository, "try-repo", Cli.Root, "kubelint", "--all-files", "--verbose");

        Assert.Equal(1, code);
        Assert.Contains("deploy/web.yaml:54:17", output, StringComparison.Ordinal);
        Assert.Contains("KL205", output, StringComparison.Ordinal);

        (int, string) Run(string program, string folder, params string[] args)
        {
            var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            args.ToList().ForEach(start.ArgumentList.Add);
            start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
            start.Environment["PRE_COMMIT_HOME"] = Path.Combine(_temp.Root, "pre-commit-home");
            start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "test";
            start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.com";
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}

/// <summary>A test that runs pre-commit: skipped, with the reason, where it is not installed (.ci/run installs Debian's).</summary>
internal sealed class PreCommitFactAttribute : FactAttribute
{
    public PreCommitFactAttribute()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "pre-commit")));
        if (!found)
        {
            Skip = "pre-commit is not installed (apt-get install pre-commit; .ci/run installs it)";
        }
    }
}
