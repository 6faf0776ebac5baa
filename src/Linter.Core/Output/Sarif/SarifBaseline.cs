using System.Text.Json;
using Linter.Core.Engine;
using Linter.Core.Rules;

namespace Linter.Core.Output.Sarif;

/// <summary>
/// A baseline read from SARIF logs that kubelint wrote: findings match by rule, file (relative to the
/// SARIF root) and the stable fingerprint, so findings on moved lines still match. Several logs (one per shard
/// of a monorepo) make one baseline; findings of files outside this run are simply never asked about.
/// </summary>
internal sealed class SarifBaseline : IBaseline
{
    private readonly HashSet<(string Rule, string Uri, string Fingerprint)> _known = [];
    private readonly string _root;
    private readonly string _workingDirectory;

    /// <summary>An empty baseline; <see cref="Add"/> reads logs into it.</summary>
    public SarifBaseline(string root, string workingDirectory) => (_root, _workingDirectory) = (root, workingDirectory);

    public int Count => _known.Count;

    /// <summary>Adds the findings of a log; throws <see cref="FormatException"/> with a reason when it is not a kubelint SARIF log.</summary>
    public void Add(Stream sarif)
    {
        try
        {
            using var document = JsonDocument.Parse(sarif);
            foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
            {
                foreach (var result in run.TryGetProperty("results", out var results) ? results.EnumerateArray() : default)
                {
                    var uri = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
                    if (result.TryGetProperty("partialFingerprints", out var prints) && prints.TryGetProperty(FindingFingerprint.Key, out var print) && uri is not null)
                    {
                        _known.Add((result.GetProperty("ruleId").GetString()!, Uri.UnescapeDataString(uri), print.GetString()!));
                    }
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new FormatException($"not a SARIF log written by kubelint ({ex.Message})", ex);
        }
    }

    public bool Contains(Finding finding) =>
        _known.Contains((finding.RuleId, ReportPaths.RelativeTo(_root, _workingDirectory, finding.Location.Path) ?? finding.Location.Path, finding.Fingerprint));
}
