namespace Linter.Cli.Tests;

/// <summary>
/// Every output format on the bundled example, compared with a reviewed file under golden/. After an
/// intended change, refresh them with <c>KUBELINT_UPDATE_GOLDEN=1 dotnet test</c> and review the diff.
/// </summary>
public sealed class GoldenTests
{
    private static string GoldenFolder => Path.Combine(Cli.Root, "tests", "Linter.Cli.Tests", "golden");

    [Theory]
    [InlineData("text", "example.txt")]
    [InlineData("json", "example.json")]
    [InlineData("sarif", "example.sarif")]
    [InlineData("github", "example.github.txt")]
    [InlineData("junit", "example.junit.xml")]
    [InlineData("gitlab", "example.gitlab.json")]
    [InlineData("markdown", "example.md")]
    public void Output_matches_the_reviewed_golden_file(string format, string golden)
    {
        var run = Cli.RunIn(Cli.Root, string.Empty, "check", "examples", "--format", format, "--sarif-category", "kubelint");
        Assert.Equal(1, run.ExitCode);
        Compare(run.Stdout, golden);
    }

    [Theory]
    [InlineData("mermaid", "example.graph.mmd")]
    [InlineData("dot", "example.graph.dot")]
    public void Graph_matches_the_reviewed_golden_file(string format, string golden)
    {
        var run = Cli.RunIn(Cli.Root, string.Empty, "graph", "examples", "--format", format);
        Assert.Equal(0, run.ExitCode);
        Compare(run.Stdout, golden);
    }

    private static void Compare(string output, string golden)
    {
        var actual = Normalize(output);
        var path = Path.Combine(GoldenFolder, golden);
        if (Environment.GetEnvironmentVariable("KUBELINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"{golden} is missing: run the tests with KUBELINT_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }

    /// <summary>The repository's absolute location is the only part that differs between checkouts.</summary>
    private static string Normalize(string output) =>
        output.Replace("\r\n", "\n").Replace(new Uri(Cli.Root.TrimEnd('/') + "/").AbsoluteUri, "file:///REPOSITORY/");
}
