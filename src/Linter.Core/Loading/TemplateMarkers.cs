namespace Linter.Core.Loading;

/// <summary>
/// Finds Helm/Go template markers (<c>{{</c>) that are template syntax rather than text: a
/// <c>{{</c> inside a string value (a Prometheus alert, a Grafana panel) or a comment is data.
/// </summary>
internal static class TemplateMarkers
{
    public static SourceSpan? FirstOutsideStrings(SourceFile file, YamlReader.Result read)
    {
        var text = file.Text;
        var at = text.IndexOf("{{", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var holders = read.Scalars.Where(s => s.Value.Contains("{{")).Select(s => s.Span).Concat(read.Comments.Select(c => c.Span)).ToList();
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
            if (!read.Complete || !holders.Any(h => h.Contains(line, column)))
            {
                return new SourceSpan(file.Path, line, column, line, column + 2);
            }

            at = text.IndexOf("{{", at + 2, StringComparison.Ordinal);
        }

        return null;
    }
}
