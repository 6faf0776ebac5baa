namespace Linter.Core.Loading;

/// <summary>
/// Finds Helm/Go template markers (<c>{{</c>) that are template syntax rather than text: a
/// <c>{{</c> inside a string value (a Prometheus alert, a Grafana panel) or a comment is data.
/// </summary>
internal static class TemplateMarkers
{
    /// <summary>
    /// The first marker outside every string and comment. One pass: the markers come in text order, the strings and
    /// comments that may hold them sorted by start; a marker is held when a span that starts at or before it ends
    /// after it, so the furthest end of the spans started so far answers for each marker.
    /// </summary>
    public static SourceSpan? FirstOutsideStrings(SourceFile file, YamlReader.Result read)
    {
        var text = file.Text;
        var at = text.IndexOf("{{", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var holders = read.ScalarsWithMarkers.Select(s => s.Span).Concat(read.Comments.Select(c => c.Span)).ToList();
        holders.Sort((a, b) => Compare(a.Line, a.Column, b.Line, b.Column));
        var next = 0;
        var furthest = (Line: 0, Column: 0);
        var line = 1;
        var lineStart = 0;
        var scanned = 0;
        while (at >= 0)
        {
            for (; scanned < at; scanned++)
            {
                if (text[scanned] == '\n')
                {
                    line++;
                    lineStart = scanned + 1;
                }
            }

            var column = at - lineStart + 1;
            for (; next < holders.Count && Compare(holders[next].Line, holders[next].Column, line, column) <= 0; next++)
            {
                var end = holders[next];
                furthest = Compare(end.EndLine, end.EndColumn, furthest.Line, furthest.Column) > 0 ? (end.EndLine, end.EndColumn) : furthest;
            }

            if (!read.Complete || Compare(line, column, furthest.Line, furthest.Column) >= 0)
            {
                return new SourceSpan(file.Path, line, column, line, column + 2);
            }

            at = text.IndexOf("{{", at + 2, StringComparison.Ordinal);
        }

        return null;
    }

    private static int Compare(int line, int column, int otherLine, int otherColumn) =>
        line != otherLine ? line.CompareTo(otherLine) : column.CompareTo(otherColumn);
}
