namespace Linter.Core.Output;

/// <summary>
/// <see cref="TrafficGraph"/> as a Mermaid flowchart (GitHub and GitLab render it in Markdown) or a Graphviz digraph.
/// Broken hops are red and labelled with the ids of the rules that break them.
/// </summary>
internal static class TrafficDiagram
{
    public const string Red = "#d1242f";

    public static void WriteMermaid(TrafficGraph graph, TextWriter output)
    {
        output.WriteLine("flowchart LR");
        foreach (var node in graph.Nodes)
        {
            var (open, close) = node.Kind switch
            {
                GraphNodeKind.Entry => ("([", "])"),
                GraphNodeKind.Workload => ("[[", "]]"),
                GraphNodeKind.Missing => ("{{", "}}"),
                _ => ("[", "]"),
            };
            output.WriteLine($"  {node.Id}{open}\"{MermaidText(node.Label)}\"{close}");
        }

        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            output.WriteLine($"  {edge.From.Id} -->|\"{MermaidText(edge.Text)}\"| {edge.To.Id}");
        }

        var broken = graph.Edges.Select((e, i) => (e, i)).Where(x => x.e.Broken).Select(x => x.i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (broken.Count > 0)
        {
            output.WriteLine($"  linkStyle {string.Join(",", broken)} stroke:{Red},stroke-width:2px,color:{Red}");
        }

        if (graph.Nodes.Any(n => n.Kind == GraphNodeKind.Missing))
        {
            output.WriteLine($"  classDef missing stroke:{Red},stroke-dasharray:4 3");
            output.WriteLine($"  class {string.Join(",", graph.Nodes.Where(n => n.Kind == GraphNodeKind.Missing).Select(n => n.Id))} missing");
        }
    }

    public static void WriteDot(TrafficGraph graph, TextWriter output)
    {
        output.WriteLine("digraph kubelint {");
        output.WriteLine("  rankdir=LR;");
        output.WriteLine("  node [shape=box];");
        foreach (var node in graph.Nodes)
        {
            var shape = node.Kind switch
            {
                GraphNodeKind.Entry => ", shape=ellipse",
                GraphNodeKind.Workload => ", shape=box3d",
                GraphNodeKind.Missing => $", shape=hexagon, style=dashed, color=\"{Red}\"",
                _ => string.Empty,
            };
            output.WriteLine($"  {node.Id} [label=\"{DotText(node.Label)}\"{shape}];");
        }

        foreach (var edge in graph.Edges)
        {
            var style = edge.Broken ? $", color=\"{Red}\", fontcolor=\"{Red}\", penwidth=2" : string.Empty;
            output.WriteLine($"  {edge.From.Id} -> {edge.To.Id} [label=\"{DotText(edge.Text)}\"{style}];");
        }

        output.WriteLine("}");
    }

    /// <summary>Mermaid reads '#name;' entities in quoted text and HTML in labels: '#' goes first.</summary>
    private static string MermaidText(string text) =>
        Printable.Text(text).Replace("#", "#35;").Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;");

    private static string DotText(string text) => Printable.Text(text).Replace("\\", "\\\\").Replace("\"", "\\\"");
}
