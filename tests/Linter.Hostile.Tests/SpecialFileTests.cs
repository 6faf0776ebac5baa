using Linter.Core.Loading;

namespace Linter.Hostile.Tests;

/// <summary>Only regular files are read: FIFOs and devices are never opened; stdin is the one stream, under the file size limit.</summary>
public sealed class SpecialFileTests
{
    [Fact]
    public void A_fifo_in_a_folder_walk_is_not_opened()
    {
        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        var fifo = Path.Combine(hostile.Folder, "pipe.yaml");
        Guard.Exec("mkfifo", fifo);
        var (code, stdout, _) = Guard.Within(() => hostile.Run(string.Empty, "check", ".", "--format", "json"), () => Guard.Release(fifo));
        Assert.Equal(1, code);
        Assert.Contains("\"ruleId\": \"KL205\"", stdout);
        Assert.DoesNotContain("pipe.yaml", stdout);
    }

    [Fact]
    public void A_named_fifo_is_KL001_not_a_regular_file()
    {
        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        var fifo = Path.Combine(hostile.Folder, "pipe.yaml");
        Guard.Exec("mkfifo", fifo);
        var (code, stdout, _) = Guard.Within(() => hostile.Run(string.Empty, "check", "pipe.yaml", "good.yaml", "--format", "json"), () => Guard.Release(fifo));
        Assert.Equal(3, code);
        Assert.Contains("not a regular file", stdout);
        Assert.Contains("\"ruleId\": \"KL205\"", stdout);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_device_behind_a_symlink_named_yaml_is_skipped_in_a_walk_and_KL001_when_named(string device)
    {
        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        File.CreateSymbolicLink(Path.Combine(hostile.Folder, "device.yaml"), device);
        var walked = Guard.Within(() => hostile.Lint(InputSource.FromPath(hostile.Folder)));
        Assert.DoesNotContain(walked.Findings, f => f.RuleId == "KL001");
        Assert.Contains(walked.Findings, f => f.RuleId == "KL205");

        var named = Guard.Within(() => hostile.Lint(InputSource.FromPath(Path.Combine(hostile.Folder, "device.yaml")), InputSource.FromPath(Path.Combine(hostile.Folder, "good.yaml"))));
        var kl001 = Assert.Single(named.Findings, f => f.RuleId == "KL001");
        Assert.Contains("not a regular file", kl001.Message);
        Assert.Contains(named.Findings, f => f.RuleId == "KL205");
    }

    [Fact]
    public void A_named_character_device_is_KL001()
    {
        using var hostile = new Hostile();
        var (code, stdout, _) = Guard.Within(() => hostile.Run(string.Empty, "check", "/dev/zero", "--format", "json"));
        Assert.Equal(3, code);
        Assert.Contains("not a regular file", stdout);
    }

    [Fact]
    public void Stdin_past_the_file_size_limit_in_bytes_is_KL001()
    {
        using var hostile = new Hostile();
        // Two bytes per character: fewer characters than the limit, more bytes.
        var line = "# " + new string('\u00e9', 1021) + "\n";
        var huge = new System.Text.StringBuilder(LoadLimits.MaxFileBytes / 4 * 3 + 4096);
        while (huge.Length <= LoadLimits.MaxFileBytes / 4 * 3)
        {
            huge.Append(line);
        }

        var (code, stdout, _) = Guard.Within(() => hostile.Run(huge.ToString(), "check", "-", "--format", "json"));
        Assert.Equal(3, code);
        Assert.Contains("64 MiB", stdout);
        Assert.Contains("stdin", stdout);
    }
}
