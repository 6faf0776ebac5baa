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
        if (OperatingSystem.IsWindows())
        {
            return; // no Unix permissions to take away
        }

        using var hostile = new Hostile();
        var input = Directory.CreateDirectory(Path.Combine(hostile.Folder, "input")).FullName;
        hostile.Write("input/good.yaml", LoaderCrashTests.NodePort);
        var locked = Directory.CreateDirectory(Path.Combine(input, "locked")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var (code, stdout) = Environment.UserName == "root" ? RunAsNobody(hostile, input) : RunHere(hostile);
            Assert.Equal(3, code);
            Assert.Contains("locked", stdout);
            Assert.Contains("KL205", stdout);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static (int Code, string Stdout) RunHere(Hostile hostile)
    {
        var (code, stdout, _) = hostile.Run(string.Empty, "check", "input", "--format", "json");
        return (code, stdout);
    }

    /// <summary>
    /// Root reads every folder, so the case is made as user nobody (setpriv, util-linux): the built kubelint is copied
    /// next to the input, where nobody can read it, and run there.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static (int Code, string Stdout) RunAsNobody(Hostile hostile, string input)
    {
        var cli = Directory.CreateDirectory(Path.Combine(hostile.Folder, "cli")).FullName;
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory).Where(f => f.EndsWith(".dll", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("kubelint.", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(cli, Path.GetFileName(file)));
        }

        const UnixFileMode Open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(hostile.Folder, Open);
        File.SetUnixFileMode(input, Open);
        File.SetUnixFileMode(cli, Open);
        var start = new System.Diagnostics.ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(cli, "kubelint.dll"), "check", ".", "--format", "json"])
        {
            WorkingDirectory = input,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(Hostile.Budget), "kubelint run as nobody did not finish");
        Assert.True(stderr.Result.Length == 0 || process.ExitCode == 3, stderr.Result);
        return (process.ExitCode, stdout.Result);
    }
}
