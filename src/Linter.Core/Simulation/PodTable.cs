using Linter.Core.Model;

namespace Linter.Core.Simulation;

/// <summary>
/// A value per pod template of the snapshot, found by the template's position in <see cref="ClusterSnapshot.PodTemplates"/>
/// instead of a hash: the policy evaluation looks pods up by the ten thousand. Computed on first use and safe when rules
/// run in parallel, as <see cref="Memo{TKey, TValue}"/> is (every caller gets the one value stored). A template the
/// snapshot does not list (a template of another snapshot) goes through a memo.
/// </summary>
internal sealed class PodTable<TValue>
    where TValue : class
{
    private readonly Positions<PodTemplate> _pods;
    private readonly TValue?[] _values;
    private readonly Func<PodTemplate, TValue> _compute;
    private readonly Memo<PodTemplate, TValue> _others;

    /// <summary>A table of the snapshot's templates; <paramref name="values"/>, when given, holds each template's value already.</summary>
    public PodTable(Positions<PodTemplate> pods, Func<PodTemplate, TValue> compute, TValue?[]? values = null)
    {
        _pods = pods;
        _values = values ?? new TValue?[pods.Count];
        _compute = compute;
        _others = new(compute);
    }

    public TValue this[PodTemplate pod]
    {
        get
        {
            var at = _pods.IndexOf(pod);
            if (at < 0)
            {
                return _others[pod];
            }

            if (Volatile.Read(ref _values[at]) is { } known)
            {
                return known;
            }

            var value = _compute(pod);
            return Interlocked.CompareExchange(ref _values[at], value, null) ?? value;
        }
    }
}
