using Linter.Core.Loading;

namespace Linter.Hostile.Tests;

/// <summary>Only regular files are read: FIFOs, devices and sockets are never listed by a walk nor read (one named is opened without blocking to learn what it is, then closed); stdin is the one stream, under the file size limit.</summary>
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
    public void A_socket_is_skipped_in_a_walk_and_KL001_when_named()
    {
        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        var path = Path.Combine(hostile.Folder, "socket.yaml");
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));

        var walked = Guard.Within(() => hostile.Lint(InputSource.FromPath(hostile.Folder)));
        Assert.DoesNotContain(walked.Findings, f => f.RuleId == "KL001");
        Assert.Contains(walked.Findings, f => f.RuleId == "KL205");

        var named = Guard.Within(() => hostile.Lint(InputSource.FromPath(path)));
        Assert.Contains("not a regular file", Assert.Single(named.Findings, f => f.RuleId == "KL001").Message);
    }

    [Fact]
    public void A_folder_read_as_a_file_is_a_directory_not_a_file()
    {
        using var hostile = new Hostile();
        var folder = Directory.CreateDirectory(Path.Combine(hostile.Folder, "manifests.yaml")).FullName;
        var read = InputFiles.ReadText(folder, LoadLimits.MaxFileBytes, rejectBinary: true);
        Assert.Null(read.Text);
        Assert.Equal("a directory, not a file", read.Problem);
    }

    [Fact]
    public void A_folder_listing_names_every_entry_and_the_kinds_it_can_tell()
    {
        using var hostile = new Hostile();
        var file = hostile.Write("a.yaml", LoaderCrashTests.NodePort);
        var folder = Directory.CreateDirectory(Path.Combine(hostile.Folder, "b")).FullName;
        var link = Path.Combine(hostile.Folder, "c.yaml");
        File.CreateSymbolicLink(link, file);
        var fifo = Path.Combine(hostile.Folder, "d.yaml");
        Guard.Exec("mkfifo", fifo);

        var entries = InputFiles.Entries(hostile.Folder).OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        Assert.Equal(Directory.EnumerateFileSystemEntries(hostile.Folder).Order(StringComparer.Ordinal), entries.Select(e => e.Path));
        var kinds = entries.ToDictionary(e => e.Path, e => e.Kind);
        // What the listing cannot tell (a folder, a symbolic link) is left to KindOf; what it tells is right.
        Assert.All(kinds, e => Assert.True(e.Value is null || e.Value == InputFiles.KindOf(e.Key).Kind, e.Key));
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(PathKind.Regular, kinds[file]);
            Assert.Equal(PathKind.Other, kinds[fifo]);
            Assert.Null(kinds[folder]);
            Assert.Null(kinds[link]);
        }
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
