namespace Linter.Core.Simulation;

/// <summary>
/// A three-valued answer (RULES.md, traffic ground rule 3): the input decides yes or no, or it cannot know (a
/// namespace whose labels are not in the input, a label only a controller knows, an address block that may hold pods).
/// </summary>
public enum Verdict { No, Yes, Unknown }

public static class Verdicts
{
    /// <summary>No when either is no; otherwise unknown when either is unknown.</summary>
    public static Verdict And(this Verdict a, Verdict b) =>
        a == Verdict.No || b == Verdict.No ? Verdict.No : a == Verdict.Unknown || b == Verdict.Unknown ? Verdict.Unknown : Verdict.Yes;

    /// <summary>Yes when either is yes; otherwise unknown when either is unknown.</summary>
    public static Verdict Or(this Verdict a, Verdict b) =>
        a == Verdict.Yes || b == Verdict.Yes ? Verdict.Yes : a == Verdict.Unknown || b == Verdict.Unknown ? Verdict.Unknown : Verdict.No;

    public static Verdict Not(this Verdict a) => a switch { Verdict.Yes => Verdict.No, Verdict.No => Verdict.Yes, _ => Verdict.Unknown };

    public static Verdict Of(bool value) => value ? Verdict.Yes : Verdict.No;

    /// <summary>
    /// Whether the selector matches these labels; a requirement on a key for which <paramref name="unknown"/> says
    /// the labels cannot tell is unknown (unless another requirement fails).
    /// </summary>
    public static Verdict Match(Model.LabelSelector selector, IReadOnlyDictionary<string, string> labels, Func<string, bool> unknown) =>
        Match(selector, labels, unknown, static (key, isUnknown) => isUnknown(key));

    /// <summary>Whether the selector matches a pod's labels; a label only a controller knows (absent here) is unknown.</summary>
    public static Verdict MatchPod(Model.LabelSelector selector, IReadOnlyDictionary<string, string> labels) =>
        Match(selector, labels, labels, static (key, own) => ControllerLabels.IsUnknowable(key) && !own.ContainsKey(key));

    /// <summary><see cref="Match(Model.LabelSelector, IReadOnlyDictionary{string, string}, Func{string, bool})"/> with the predicate's state passed in, so that a hot caller allocates no closure.</summary>
    internal static Verdict Match<TState>(Model.LabelSelector selector, IReadOnlyDictionary<string, string> labels, TState state, Func<string, TState, bool> unknown)
    {
        if (!selector.IsValid)
        {
            return Verdict.Unknown;
        }

        var result = Verdict.Yes;
        var requirements = selector.Requirements;
        for (var i = 0; i < requirements.Count; i++)
        {
            if (unknown(requirements[i].Key, state))
            {
                result = Verdict.Unknown;
            }
            else if (!requirements[i].Matches(labels))
            {
                return Verdict.No;
            }
        }

        return result;
    }
}
