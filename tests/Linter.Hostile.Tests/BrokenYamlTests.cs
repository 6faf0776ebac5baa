namespace Linter.Hostile.Tests;

/// <summary>A file that is not valid YAML is one positioned KL001; the other files are still linted; the exit code is 3.</summary>
public sealed class BrokenYamlTests
{
    private const string NodePort = LoaderCrashTests.NodePort;

    [Fact]
    public void A_broken_file_is_KL001_and_the_other_files_are_still_linted()
    {
        using var hostile = new Hostile();
        hostile.Write("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: indentation\n");
        hostile.Write("good.yaml", NodePort);
        var (code, stdout, _) = hostile.Run(string.Empty, "check", ".", "--format", "json");
        Assert.Equal(3, code);
        Assert.Contains("\"ruleId\": \"KL001\"", stdout);
        Assert.Contains("\"ruleId\": \"KL205\"", stdout);
    }
}
