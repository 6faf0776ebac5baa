using System.Text.RegularExpressions;

namespace Linter.Cli.Tests;

/// <summary>The traffic diagram: kubelint graph (Mermaid, DOT) and the markdown format that embeds it.</summary>
public sealed class GraphTests
{
    private static string Mermaid => Cli.RunIn(Cli.Root, string.Empty, "graph", "examples").Stdout;

    [Fact]
    public void The_example_diagram_has_every_hop_of_the_shop_and_its_broken_hops_red_with_their_rules()
    {
        var mermaid = Mermaid;
        var nodes = Regex.Matches(mermaid, @"^  (n\d+)[\[({]+""([^""]+)""", RegexOptions.Multiline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var edges = Regex.Matches(mermaid, @"^  (n\d+) -->\|""([^""]*)""\| (n\d+)$", RegexOptions.Multiline)
            .Select(m => (From: nodes[m.Groups[1].Value], Label: m.Groups[2].Value, To: nodes[m.Groups[3].Value])).ToList();
        var red = Regex.Match(mermaid, @"^  linkStyle ([\d,]+) stroke:#d1242f", RegexOptions.Multiline).Groups[1].Value.Split(',').Select(int.Parse).ToHashSet();

        Assert.Contains(("Ingress shop/shop", "shop.example.com/api", "Service shop/catalog-api"), edges);
        Assert.Contains(("Ingress shop/shop", "KL602", "Service shop/storefront"), edges);
        Assert.Contains(("Service shop/catalog-api", "KL203", "Deployment shop/catalog-api"), edges);
        Assert.Contains(("Service shop/sessions", "KL004, KL101", "no pods in shop"), edges);
        Assert.Contains(("Deployment shop/storefront", "KL301", "payments-api (not found)"), edges);
        Assert.Contains(("Service payments/payments-api", "selects", "Deployment payments/payments-api"), edges);
        var brokenLabels = edges.Select((e, i) => (e, i)).Where(x => red.Contains(x.i)).Select(x => x.e.Label).ToList();
        Assert.All(brokenLabels, l => Assert.Matches(@"^KL\d{3}(, KL\d{3})*$", l));
        Assert.Equal(edges.Count(e => Regex.IsMatch(e.Label, @"^KL\d{3}")), red.Count);
    }

    [Fact]
    public void Dot_draws_the_same_hops_as_mermaid()
    {
        var dot = Cli.RunIn(Cli.Root, string.Empty, "graph", "examples", "--format", "dot").Stdout;

        Assert.StartsWith("digraph kubelint {", dot, StringComparison.Ordinal);
        Assert.Equal(Regex.Matches(Mermaid, " -->").Count, Regex.Matches(dot, " -> ").Count);
        Assert.Equal(Regex.Matches(Mermaid, @"\|""KL\d").Count, Regex.Matches(dot, @"color=""#d1242f"", fontcolor").Count);
        Assert.Contains("n4 -> n9 [label=\"KL203\", color=\"#d1242f\"", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diagram_is_the_same_on_every_run_and_from_any_working_folder()
    {
        Assert.Equal(Mermaid, Mermaid);
        Assert.Equal(Mermaid, Cli.RunIn(Cli.Examples, string.Empty, "graph", ".").Stdout.Replace("./", string.Empty));
    }

    [Fact]
    public void Labels_from_the_input_cannot_break_out_of_the_diagram()
    {
        const string yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: \"a\\\"]b<x>#1\"\nspec:\n  selector:\n    app: nothing\n  ports:\n    - port: 80\n";

        var mermaid = Cli.RunWithInput(yaml, "graph", "-").Stdout;
        var dot = Cli.RunWithInput(yaml, "graph", "-", "--format", "dot").Stdout;

        Assert.Contains("[\"Service default/a#quot;]b#lt;x#gt;#35;1\"]", mermaid, StringComparison.Ordinal);
        Assert.Contains("[label=\"Service default/a\\\"]b<x>#1\"]", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_has_counts_by_rule_the_findings_linked_to_their_lines_and_the_diagram()
    {
        var markdown = Cli.RunIn(Cli.Root, string.Empty, "check", "examples", "--format", "markdown").Stdout;
        var json = Cli.RunIn(Cli.Root, string.Empty, "check", "examples", "--format", "json").Json;
        var findings = json.GetProperty("findings").GetArrayLength();

        Assert.StartsWith("## kubelint\n\n8 findings (3 errors, 5 warnings) in 7 files\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| **Total** | 3 | 5 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| [KL205](https://github.com/kubelint/kubelint/blob/main/rules/ports/KL205-node-port-out-of-range/KL205.md) nodePort outside the node port range | 1 | 0 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Equal(findings, Regex.Matches(markdown, @"^\| (error|warning|note) \| KL\d{3} \| \[[^\]]+\]\([^)]+#L\d+\) \|", RegexOptions.Multiline).Count);
        Assert.Contains("| error | KL205 | [examples/shop/web.yaml:54:17](examples/shop/web.yaml#L54) |", markdown, StringComparison.Ordinal);
        Assert.Contains("```mermaid\n" + Mermaid.Replace("\r\n", "\n") + "```\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_cells_keep_messages_on_one_row()
    {
        const string yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: \"a|b\"\n  ports:\n    - port: 80\n      nodePort: 80\n";

        var markdown = Cli.RunWithInput(yaml, "check", "-", "--format", "markdown").Stdout;

        var rows = markdown.Split('\n').Where(l => l.StartsWith("| error |", StringComparison.Ordinal) || l.StartsWith("| warning |", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(5, Regex.Matches(r, @"(?<!\\)\|").Count));
        Assert.Contains("| <stdin>:", markdown.Replace("&lt;", "<").Replace("&gt;", ">"), StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_of_unreadable_input_says_why_and_exits_3()
    {
        var run = Cli.RunWithInput("kind: Service\nmetadata: [unclosed\n", "graph", "-");

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("kubelint: <stdin>:", run.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("flowchart LR", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_help_names_both_formats()
    {
        var help = Regex.Replace(Cli.Run("graph", "--help").Stdout, @"\s+", " ");

        Assert.Contains("mermaid", help, StringComparison.Ordinal);
        Assert.Contains("dot", help, StringComparison.Ordinal);
        Assert.Contains("red and labelled with the rule ids", help, StringComparison.Ordinal);
    }
}

/// <summary>The diagrams kubelint writes, checked by Mermaid itself (rendered in Chromium where mermaid-cli is installed).</summary>
public sealed class MermaidValidationTests : IDisposable
{
    private readonly Linter.Tests.TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [MermaidFact]
    public void Mermaid_parses_the_diagrams_of_graph_and_of_the_markdown_report_and_rejects_a_broken_one()
    {
        var example = _folder.Write("example.mmd", Cli.RunIn(Cli.Root, string.Empty, "graph", "examples").Stdout);
        var markdown = Cli.RunIn(Cli.Root, string.Empty, "check", "examples", "--format", "markdown").Stdout;
        var embedded = _folder.Write("markdown.mmd", markdown.Split("```mermaid\n")[1].Split("```")[0]);
        var hostile = _folder.Write("hostile.mmd", Cli.RunWithInput(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: \"a\\\"]b<x>#1|%%\"\nspec:\n  selector:\n    app: nothing\n  ports:\n    - port: 80\n", "graph", "-").Stdout);
        var broken = _folder.Write("broken.mmd", File.ReadAllText(example) + "  n0 -->|\"unterminated\n");

        var (code, output) = MermaidTools.Validate(example, embedded, hostile);
        var (brokenCode, brokenOutput) = MermaidTools.Validate(broken);

        Assert.True(code == 0, output);
        Assert.Equal(3, output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
        Assert.Equal(1, brokenCode);
        Assert.StartsWith("invalid ", brokenOutput, StringComparison.Ordinal);
    }

    [MermaidRenderFact]
    public void Mermaid_cli_renders_the_example_diagram_in_chromium()
    {
        var example = _folder.Write("example.mmd", Cli.RunIn(Cli.Root, string.Empty, "graph", "examples").Stdout);
        var svg = Path.Combine(_folder.Root, "example.svg");

        var (code, output) = MermaidTools.Render(example, svg);

        Assert.True(code == 0, output);
        var rendered = File.ReadAllText(svg);
        Assert.Contains("Service shop/catalog-api", rendered, StringComparison.Ordinal);
        Assert.Contains("#d1242f", rendered, StringComparison.Ordinal);
    }
}
