using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Core.Engine;

/// <summary>
/// Findings in rendered Helm output point at the template Helm names (<c># Source:</c>): that is the file a pull request
/// changes. Lines of a template and of its rendering differ, so the finding points at the template's first line and its
/// message says where in the rendered output the problem is.
/// </summary>
internal sealed class RenderedAttribution(IReadOnlyList<SourceFile> files)
{
    private readonly Dictionary<string, IReadOnlyList<RenderedRegion>> _regions = files
        .Where(f => f.RenderedFrom.Count > 0)
        .GroupBy(f => f.Path, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().RenderedFrom, StringComparer.Ordinal);

    public bool IsEmpty => _regions.Count == 0;

    public Finding Attribute(Finding finding)
    {
        if (TemplateOf(finding.Location) is not { } template)
        {
            return finding;
        }

        var at = finding.Location;
        return finding with
        {
            Location = SourceSpan.StartOf(template),
            Message = $"{finding.Message} (rendered from the template {template}; in the rendered output at {at.Path}:{at.Line}:{at.Column})",
            Related = finding.Related.Select(r => TemplateOf(r.Span) is { } other ? r with { Span = SourceSpan.StartOf(other) } : r).ToList(),
        };
    }

    private string? TemplateOf(SourceSpan span) =>
        _regions.TryGetValue(span.Path, out var regions) ? RenderedTemplates.At(regions, span.Line)?.Template : null;
}
