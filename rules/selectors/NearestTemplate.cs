using Linter.Core.Model;

namespace Linter.Rules.Selectors;

/// <summary>
/// The pod template a selector that matches nothing was most likely meant for, and how its labels differ
/// (KL101 for Services, KL701 for NetworkPolicies).
/// </summary>
internal static class NearestTemplate
{
    public static IReadOnlyList<KeyValuePair<string, string>> Pairs(IEnumerable<StringPair> pairs) =>
        pairs.Select(p => new KeyValuePair<string, string>(p.Key.Value, p.Value.Value)).ToList();

    /// <summary>
    /// The pod template whose labels come closest to the selector: exact pairs count most, then values by how close
    /// they are (edit distance relative to length), so `svc-00009-v2` finds `svc-00009`, not `svc-00002`. Only a
    /// template with an exactly matching pair, or a value that looks like a typo of the wanted one, is offered.
    /// Of equally close templates, the one in the file of <paramref name="near"/>, then its folder, is named.
    /// </summary>
    public static PodTemplate? Find(IReadOnlyList<KeyValuePair<string, string>> wanted, IReadOnlyList<PodTemplate> candidates, KubeObject near)
    {
        PodTemplate? best = null;
        var bestScore = (Score: double.MinValue, Proximity: 0);
        foreach (var template in candidates)
        {
            var score = 0.0;
            var plausible = false;
            foreach (var pair in wanted)
            {
                if (!template.LabelValues.TryGetValue(pair.Key, out var value))
                {
                    continue;
                }

                var exact = value == pair.Value;
                plausible |= exact || Similar(value, pair.Value);
                score += exact ? 4 : 1 + 2 * Closeness(value, pair.Value);
            }

            // Equal scores go to the template written closest to the referrer: its file, then its folder.
            var proximity = Proximity(template, near);
            if (plausible && (score > bestScore.Score || (score == bestScore.Score && proximity > bestScore.Proximity)))
            {
                (best, bestScore) = (template, (score, proximity));
            }
        }

        return best;
    }

    /// <summary>1 for equal strings, 0 for nothing in common: edit distance and the shared prefix, each relative to the
    /// longer string (`svc-00009` is as many edits from `svc-00009-v2` as `svc-00002`, but shares more of its start).</summary>
    private static double Closeness(string a, string b)
    {
        var length = Math.Max(1, Math.Max(a.Length, b.Length));
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return (1.0 - (double)EditDistance.Between(a, b) / length + (double)prefix / length) / 2;
    }

    private static bool Similar(string a, string b) =>
        a.Contains(b) || b.Contains(a) || EditDistance.Between(a, b) <= Math.Max(2, Math.Min(a.Length, b.Length) / 3);

    public static string Differences(IReadOnlyList<KeyValuePair<string, string>> wanted, PodTemplate template)
    {
        var parts = new List<string>();
        foreach (var pair in wanted)
        {
            var key = pair.Key;
            if (!template.LabelValues.TryGetValue(key, out var value))
            {
                parts.Add($"no label {key}");
            }
            else if (value != pair.Value)
            {
                parts.Add($"{key}={value}");
            }
        }

        return Describe.List(parts);
    }

    /// <summary>2 for a template in the referrer's file, 1 in its folder, 0 elsewhere.</summary>
    public static int Proximity(PodTemplate template, KubeObject near) =>
        template.Owner.Document.File == near.Document.File ? 2 : template.Owner.ApplyUnit == near.ApplyUnit ? 1 : 0;
}
