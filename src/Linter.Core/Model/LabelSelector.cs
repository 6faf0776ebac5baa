using Linter.Core.Loading;

namespace Linter.Core.Model;

public enum SelectorOperator { In, NotIn, Exists, DoesNotExist }

public sealed record SelectorRequirement(string Key, SelectorOperator Operator, IReadOnlyList<string> Values, SourceSpan Span)
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

/// <summary>
/// A part of a label selector the API server rejects (KL811): where (the <c>operator</c> value, the <c>values</c> key,
/// the requirement item, the <c>selector</c> key, the first stray key) and a sentence with the API server's field path,
/// its reason and the fix.
/// </summary>
public sealed record SelectorProblem(SourceSpan At, string Message);

/// <summary>A workload's label selector (matchLabels AND matchExpressions, or ReplicationController's map).</summary>
public sealed class LabelSelector(
    IReadOnlyList<SelectorRequirement> requirements, bool isValid, IReadOnlyList<SelectorProblem>? problems = null, IReadOnlyList<LabelProblem>? labelProblems = null)
{
    public IReadOnlyList<SelectorRequirement> Requirements { get; } = requirements;

    /// <summary>What the API server rejects in this selector's structure (KL811); empty when nothing is or when the binder does not check it.</summary>
    public IReadOnlyList<SelectorProblem> Problems { get; } = problems is { Count: > 0 } ? problems : [];

    /// <summary>The label keys and values of this selector the API server rejects (KL810).</summary>
    public IReadOnlyList<LabelProblem> LabelProblems { get; } = labelProblems is { Count: > 0 } ? labelProblems : [];

    /// <summary>False when a requirement is malformed or the API server rejects the selector; such a selector is not evaluated.</summary>
    public bool IsValid { get; } = isValid && (problems is null || problems.Count == 0) && (labelProblems is null || labelProblems.Count == 0);

    public bool IsEmpty => Requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        for (var i = 0; i < Requirements.Count; i++)
        {
            if (!Requirements[i].Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The equality requirements (matchLabels, or <c>In</c> with one value) as label pairs (computed once).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => field ??= EqualityPairs();

    // A loop: LINQ making KeyValuePair structs is compiled at run time.
    private KeyValuePair<string, string>[] EqualityPairs()
    {
        var pairs = new List<KeyValuePair<string, string>>(Requirements.Count);
        foreach (var requirement in Requirements)
        {
            if (requirement is { Operator: SelectorOperator.In, Values.Count: 1 })
            {
                pairs.Add(new KeyValuePair<string, string>(requirement.Key, requirement.Values[0]));
            }
        }

        return pairs.ToArray();
    }

    public override string ToString() => string.Join(",", Requirements);

    internal LabelSelector With(SelectorProblem problem) => new(Requirements, IsValid, [.. Problems, problem], LabelProblems);
}
