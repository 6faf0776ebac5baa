namespace Linter.Core.Loading;

/// <summary>
/// Where a document of rendered Helm output came from: <c>helm template</c> writes <c># Source: CHART/templates/x.yaml</c>
/// before each document, and that template file, not the rendered stream, is what a pull request changes.
/// </summary>
/// <param name="FromLine">The line of the <c># Source:</c> comment.</param>
/// <param name="ToLine">The last line before the next such comment.</param>
/// <param name="Template">The template file as Helm names it.</param>
internal sealed record RenderedRegion(int FromLine, int ToLine, string Template);

internal static class RenderedTemplates
{
    private const string Marker = "Source:";

    /// <summary>The regions the file's <c># Source:</c> comments (at the start of a line) mark, in order.</summary>
    public static IReadOnlyList<RenderedRegion> Of(IReadOnlyList<YamlComment> comments)
    {
        var sources = comments
            .Where(c => c.Span.Column == 1 && c.Text.TrimStart().StartsWith(Marker, StringComparison.Ordinal))
            .Select(c => (c.Span.Line, Template: c.Text.TrimStart().Substring(Marker.Length).Trim()))
            .Where(s => s.Template.Length > 0 && s.Template.IndexOfAny([' ', '\t']) < 0)
            .ToList();
        var regions = sources.Count == 0 ? [] : new RenderedRegion[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            var to = i + 1 < sources.Count ? sources[i + 1].Line - 1 : int.MaxValue;
            regions[i] = new RenderedRegion(sources[i].Line, to, sources[i].Template);
        }

        return regions;
    }

    /// <summary>The region holding the line, or null (regions are in order and do not overlap: a binary search).</summary>
    public static RenderedRegion? At(IReadOnlyList<RenderedRegion> regions, int line)
    {
        var (low, high) = (0, regions.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = regions[middle].ToLine < line ? (middle + 1, high) : (low, middle);
        }

        return low < regions.Count && regions[low].FromLine <= line ? regions[low] : null;
    }
}
