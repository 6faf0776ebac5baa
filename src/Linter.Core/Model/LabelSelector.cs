using Linter.Core.Loading;

namespace Linter.Core.Model;

public enum SelectorOperator { In, NotIn, Exists, DoesNotExist }

public sealed record SelectorRequirement(string Key, SelectorOperator Operator, IReadOnlyList<string> Values, Node Node)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels) => Operator switch
    {
        SelectorOperator.In => labels.TryGetValue(Key, out var v) && Values.Contains(v),
        SelectorOperator.NotIn => !labels.TryGetValue(Key, out var v) || !Values.Contains(v),
        SelectorOperator.Exists => labels.ContainsKey(Key),
        _ => !labels.ContainsKey(Key),
    };

    public override string ToString() => Operator switch
    {
        SelectorOperator.In when Values.Count == 1 => $"{Key}={Values[0]}",
        SelectorOperator.In => $"{Key} in ({string.Join(",", Values)})",
        SelectorOperator.NotIn => $"{Key} notin ({string.Join(",", Values)})",
        SelectorOperator.Exists => Key,
        _ => $"!{Key}",
    };
}

/// <summary>A workload's label selector (matchLabels AND matchExpressions, or ReplicationController's map).</summary>
public sealed class LabelSelector(IReadOnlyList<SelectorRequirement> requirements, bool isValid)
{
    public IReadOnlyList<SelectorRequirement> Requirements { get; } = requirements;

    /// <summary>False when a requirement is malformed; such a selector is not evaluated.</summary>
    public bool IsValid { get; } = isValid;

    public bool IsEmpty => Requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => Requirements.All(r => r.Matches(labels));

    /// <summary>The equality requirements (matchLabels, or <c>In</c> with one value) as label pairs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs =>
        Requirements.Where(r => r is { Operator: SelectorOperator.In, Values.Count: 1 }).Select(r => new KeyValuePair<string, string>(r.Key, r.Values[0])).ToList();

    public override string ToString() => string.Join(",", Requirements);
}
