namespace Linter.Cli.Tests;

public sealed class OtherFormatTests
{
    [Fact]
    public void Github_format_writes_one_escaped_workflow_command_per_finding()
    {
        var run = Cli.RunIn(Cli.Root, string.Empty, "check", "examples", "--format", "github");
        var lines = run.Stdout.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(8, lines.Count);
        Assert.Contains("::error file=examples/shop/web.yaml,line=54,endLine=54,col=17,endColumn=21,title=KL205::nodePort 8080 is outside", run.Stdout);
        Assert.All(lines, l => Assert.Matches(@"^::(error|warning|notice) file=[^,]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=KL\d{3}::", l));
    }
}
