using Linter.Core.Loading;

namespace Linter.Hostile.Tests;

/// <summary>Invalid UTF-8 is reported at the first invalid byte, never decoded into replacement characters.</summary>
public sealed class EncodingTests
{
    private static byte[] Bytes(string before, byte[] bad, string after) =>
        [.. System.Text.Encoding.UTF8.GetBytes(before), .. bad, .. System.Text.Encoding.UTF8.GetBytes(after)];

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void Invalid_utf8_in_a_file_is_KL001_at_the_first_invalid_byte(byte[] bad)
    {
        using var hostile = new Hostile();
        var path = Path.Combine(hostile.Folder, "bad.yaml");
        File.WriteAllBytes(path, Bytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: \u00e9b", bad, "c\n"));
        var result = hostile.Lint(InputSource.FromPath(path));
        var kl001 = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.Equal((6, 8), (kl001.Location.Line, kl001.Location.Column));
        Assert.Contains("UTF-8", kl001.Message);
        Assert.True(result.HasInputErrors);
    }

    [Fact]
    public void Invalid_utf8_in_the_config_file_is_a_usage_error_with_a_position()
    {
        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        File.WriteAllBytes(Path.Combine(hostile.Folder, ".kubelint.yaml"), Bytes("rules:\n  KL101: ", [0xFF], "off\n"));
        var (code, _, stderr) = hostile.Run(string.Empty, "check", ".");
        Assert.Equal(2, code);
        Assert.Contains(".kubelint.yaml:2:10", stderr);
        Assert.Contains("UTF-8", stderr);
    }

    [Fact]
    public void Invalid_utf8_on_stdin_is_KL001_at_the_first_invalid_byte_and_the_files_are_still_linted()
    {
        using var hostile = new Hostile();
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        var stdin = InputSource.FromStream("<stdin>", new MemoryStream(Bytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \u00e9", [0xC3, 0x28], "\n")));
        var result = hostile.Lint(stdin, InputSource.FromPath(Path.Combine(hostile.Folder, "good.yaml")));
        var kl001 = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.Equal(("<stdin>", 4, 10), (kl001.Location.Path, kl001.Location.Line, kl001.Location.Column));
        Assert.Contains("UTF-8", kl001.Message);
        Assert.Contains(result.Findings, f => f.RuleId == "KL205");
    }

    [Fact]
    public void A_byte_order_mark_on_stdin_is_not_part_of_the_first_key()
    {
        using var hostile = new Hostile();
        var stdin = InputSource.FromStream("<stdin>", new MemoryStream([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(LoaderCrashTests.NodePort)]));
        var result = hostile.Lint(stdin);
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "KL001" or "KL004");
        Assert.Contains(result.Findings, f => f.RuleId == "KL205");
    }
}
