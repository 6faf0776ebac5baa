namespace Linter.Hostile.Tests;

/// <summary>The config file and the baseline as a FIFO, a device or huge: a clear error, exit 2, no hang.</summary>
public sealed class SettingsFileTests
{
    private static string Sparse(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        file.SetLength(length);
        return path;
    }

    [Fact]
    public void A_fifo_as_the_found_config_file_is_a_usage_error()
    {
        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        var fifo = Path.Combine(hostile.Folder, ".kubelint.yaml");
        Guard.Exec("mkfifo", fifo);
        var (code, _, stderr) = Guard.Within(() => hostile.Run(string.Empty, "check", "."), () => Guard.Release(fifo));
        Assert.Equal(2, code);
        Assert.Contains("not a regular file", stderr);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_device_as_the_named_config_file_is_a_usage_error(string device)
    {
        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        var (code, _, stderr) = Guard.Within(() => hostile.Run(string.Empty, "check", ".", "--config", device));
        Assert.Equal(2, code);
        Assert.Contains("not a regular file", stderr);
    }

    [Fact]
    public void A_huge_config_file_is_a_usage_error()
    {
        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        Sparse(Path.Combine(hostile.Folder, "huge.yaml"), 3L * 1024 * 1024 * 1024);
        var (code, _, stderr) = Guard.Within(() => hostile.Run(string.Empty, "check", ".", "--config", "huge.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("MiB", stderr);
    }

    [Fact]
    public void A_fifo_as_the_baseline_is_a_usage_error()
    {
        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        var fifo = Path.Combine(hostile.Folder, "base.sarif");
        Guard.Exec("mkfifo", fifo);
        var (code, _, stderr) = Guard.Within(() => hostile.Run(string.Empty, "check", "good.yaml", "--baseline", "base.sarif"), () => Guard.Release(fifo));
        Assert.Equal(2, code);
        Assert.Contains("not a regular file", stderr);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_device_as_the_baseline_is_a_usage_error(string device)
    {
        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        var (code, _, stderr) = Guard.Within(() => hostile.Run(string.Empty, "check", "good.yaml", "--baseline", device));
        Assert.Equal(2, code);
        Assert.Contains("not a regular file", stderr);
    }

    [Fact]
    public void A_huge_baseline_is_a_usage_error()
    {
        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        Sparse(Path.Combine(hostile.Folder, "huge.sarif"), 3L * 1024 * 1024 * 1024);
        var (code, _, stderr) = Guard.Within(() => hostile.Run(string.Empty, "check", "good.yaml", "--baseline", "huge.sarif"));
        Assert.Equal(2, code);
        Assert.Contains("MiB", stderr);
    }
}
