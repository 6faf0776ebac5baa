using System.Text;
using Linter.Core.Loading;

namespace Linter.Core.Tests;

/// <summary>Compares two results of <see cref="YamlReader"/> front ends node by node: the first difference, or null.</summary>
internal static class ReaderResults
{
    public static string? Difference(YamlReader.Result expected, YamlReader.Result actual)
    {
        var differences = new StringBuilder();
        Same("complete", expected.Complete, actual.Complete, differences);
        Same("problems", string.Join("; ", expected.Problems), string.Join("; ", actual.Problems), differences);
        Same("comments", string.Join("; ", expected.Comments.Select(c => $"{Of(c.Span)} [{c.Text}]")), string.Join("; ", actual.Comments.Select(c => $"{Of(c.Span)} [{c.Text}]")), differences);
        Same("template scalars", string.Join("; ", expected.ScalarsWithMarkers.Select(Describe)), string.Join("; ", actual.ScalarsWithMarkers.Select(Describe)), differences);
        Same("documents", expected.Documents.Count, actual.Documents.Count, differences);
        for (var i = 0; i < Math.Min(expected.Documents.Count, actual.Documents.Count) && differences.Length == 0; i++)
        {
            Compare($"document {i}", expected.Documents[i], actual.Documents[i], differences);
        }

        return differences.Length == 0 ? null : differences.ToString();
    }

    private static void Compare(string where, Node expected, Node actual, StringBuilder differences)
    {
        if (differences.Length > 0)
        {
            return;
        }

        Same(where + " node", Describe(expected), Describe(actual), differences);
        switch (expected, actual)
        {
            case (SequenceNode x, SequenceNode y):
                Same(where + " items", x.Items.Count, y.Items.Count, differences);
                for (var i = 0; i < Math.Min(x.Items.Count, y.Items.Count); i++)
                {
                    Compare($"{where}[{i}]", x.Items[i], y.Items[i], differences);
                }

                break;
            case (MappingNode x, MappingNode y):
                Same(where + " entries", x.Entries.Count, y.Entries.Count, differences);
                for (var i = 0; i < Math.Min(x.Entries.Count, y.Entries.Count); i++)
                {
                    var key = x.Entries[i].Key.Value;
                    Compare($"{where}.key({key})", x.Entries[i].Key, y.Entries[i].Key, differences);
                    Compare($"{where}.{key}", x.Entries[i].Value, y.Entries[i].Value, differences);
                }

                break;
        }
    }

    private static string Describe(Node node) => node switch
    {
        ScalarNode s => $"scalar {Of(s.Span)} [{s.Value}] {s.Kind}{(s.IsQuoted ? " quoted" : string.Empty)}",
        _ => $"{node.GetType().Name} {Of(node.Span)}",
    };

    private static string Of(SourceSpan span) => $"{span.Path}:{span.Line}:{span.Column}-{span.EndLine}:{span.EndColumn}";

    private static void Same<T>(string what, T expected, T actual, StringBuilder differences)
    {
        if (differences.Length == 0 && !EqualityComparer<T>.Default.Equals(expected, actual))
        {
            differences.Append($"{what}: YamlDotNet gives <{expected}>, the fast scanner <{actual}>");
        }
    }
}
