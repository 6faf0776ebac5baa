using Linter.Core.Loading;

namespace Linter.Hostile.Tests;

/// <summary>Folder walks and globs visit each real directory once and report what they cannot read.</summary>
public sealed class DirectoryWalkTests
{
    [Fact]
    public void A_symlink_loop_reports_each_file_once()
    {
        using var hostile = new Hostile();
        hostile.Write("a/good.yaml", LoaderCrashTests.NodePort);
        File.CreateSymbolicLink(Path.Combine(hostile.Folder, "a", "loop"), "..");
        var result = Guard.Within(() => hostile.Lint(InputSource.FromPath(hostile.Folder)));
        Assert.Single(result.Findings, f => f.RuleId == "KL205");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "KL001");
    }

    [Fact]
    public void Two_symlink_loops_end()
    {
        using var hostile = new Hostile();
        hostile.Write("a/good.yaml", LoaderCrashTests.NodePort);
        File.CreateSymbolicLink(Path.Combine(hostile.Folder, "a", "loop1"), "..");
        File.CreateSymbolicLink(Path.Combine(hostile.Folder, "a", "loop2"), "..");
        var result = Guard.Within(() => hostile.Lint(InputSource.FromPath(hostile.Folder)));
        Assert.Single(result.Findings, f => f.RuleId == "KL205");
    }

    [Fact]
    public void A_glob_through_a_symlink_loop_ends()
    {
        using var hostile = new Hostile();
        hostile.Write("a/good.yaml", LoaderCrashTests.NodePort);
        File.CreateSymbolicLink(Path.Combine(hostile.Folder, "a", "loop1"), "..");
        File.CreateSymbolicLink(Path.Combine(hostile.Folder, "a", "loop2"), "..");
        var (code, stdout, _) = Guard.Within(() => hostile.Run(string.Empty, "check", "**/*.yaml", "--format", "json"));
        Assert.Equal(1, code);
        Assert.Single(stdout.Split("\"ruleId\": \"KL205\"").Skip(1));
    }

    [Fact]
    public void A_path_longer_than_the_system_allows_is_KL001()
    {
        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        var name = new string('d', 250);
        try
        {
            Guard.Exec("bash", "-c", $"cd '{hostile.Folder}' && for i in $(seq 20); do mkdir {name} && cd {name} || exit 1; done && touch deep.yaml");
            var (code, stdout, _) = Guard.Within(() => hostile.Run(string.Empty, "check", ".", "--format", "json"));
            Assert.Equal(3, code);
            Assert.Contains("\"ruleId\": \"KL001\"", stdout);
            Assert.Contains("\"ruleId\": \"KL205\"", stdout);
        }
        finally
        {
            Guard.Exec("bash", "-c", $"cd '{hostile.Folder}' && rm -rf {name}");
        }
    }

    [Fact]
    public void An_unreadable_directory_is_KL001()
    {
        if (Environment.UserName == "root" || OperatingSystem.IsWindows())
        {
            return; // root reads every directory: the case cannot be made here
        }

        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        var locked = Directory.CreateDirectory(Path.Combine(hostile.Folder, "locked")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var (code, stdout, _) = hostile.Run(string.Empty, "check", ".", "--format", "json");
            Assert.Equal(3, code);
            Assert.Contains("locked", stdout);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
