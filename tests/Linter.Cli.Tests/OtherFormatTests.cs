using System.Xml.Linq;

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

    [Fact]
    public void Junit_format_has_a_suite_per_rule_and_a_failing_case_per_rule_and_file()
    {
        var run = Cli.RunIn(Cli.Root, string.Empty, "check", "examples", "--format", "junit");
        var root = XDocument.Parse(run.Stdout).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(Linter.Rules.BuiltInRules.Catalog.All.Count, root.Elements("testsuite").Count());
        var failures = root.Descendants("failure").ToList();
        Assert.Equal(8, failures.Count);
        Assert.Equal("8", root.Attribute("failures")!.Value);
        var kl205 = root.Descendants("testcase").Single(t => t.Element("failure") is not null && t.Attribute("classname")!.Value.StartsWith("KL205", StringComparison.Ordinal));
        Assert.Equal("examples/shop/web.yaml", kl205.Attribute("name")!.Value);
    }
}
