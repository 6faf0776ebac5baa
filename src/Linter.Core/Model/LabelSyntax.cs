using Linter.Core.Loading;

namespace Linter.Core.Model;

/// <summary>
/// A label key or value the API server rejects (KL810): where (the key or the value) and a sentence with the API
/// server's field path, its reason and the fix.
/// </summary>
public sealed record LabelProblem(SourceSpan At, string Message);

/// <summary>
/// The API server's label syntax (<c>ValidateLabels</c>, <c>ValidateLabelName</c>, <c>IsValidLabelValue</c>), applied
/// while binding: a label it rejects is recorded and left out of what the simulation sees.
/// </summary>
internal static class LabelSyntax
{
    /// <summary>
    /// The pairs of a label map (field <paramref name="field"/> of <paramref name="owner"/>) the API server accepts
    /// (<paramref name="pairs"/> itself when it accepts all); the others become problems.
    /// </summary>
    public static IReadOnlyList<StringPair> Accepted(IReadOnlyList<StringPair> pairs, FieldReader owner, string field, List<LabelProblem> problems)
    {
        List<StringPair>? accepted = null;
        for (var i = 0; i < pairs.Count; i++)
        {
            var keyOk = CheckKey(pairs[i].KeyText, pairs[i].KeySpan, owner, field, problems);
            var valueOk = CheckValue(pairs[i].ValueText, pairs[i].ValueSpan, owner, field, problems);
            if (!(keyOk && valueOk))
            {
                accepted ??= [.. pairs.Take(i)];
            }
            else
            {
                accepted?.Add(pairs[i]);
            }
        }

        return accepted ?? pairs;
    }

    /// <summary>Checks a label key (a map key, or a requirement's <c>key</c>: field <paramref name="field"/> of <paramref name="owner"/>); false when rejected.</summary>
    public static bool CheckKey(ScalarNode key, FieldReader owner, string field, List<LabelProblem> problems) =>
        CheckKey(key.Value, key.Span, owner, field, problems);

    private static bool CheckKey(string key, SourceSpan span, FieldReader owner, string field, List<LabelProblem> problems) =>
        Check(key, span, owner, field, NameValidation.QualifiedName(key), "label key", problems);

    /// <summary>Checks a label value (a map value, or an item of a requirement's <c>values</c>); false when rejected.</summary>
    public static bool CheckValue(ScalarNode value, FieldReader owner, string field, List<LabelProblem> problems) =>
        CheckValue(value.Value, value.Span, owner, field, problems);

    private static bool CheckValue(string value, SourceSpan span, FieldReader owner, string field, List<LabelProblem> problems) =>
        Check(value, span, owner, field, NameValidation.LabelValue(value), "label value", problems);

    private static bool Check(string value, SourceSpan span, FieldReader owner, string field, IReadOnlyList<string> errors, string what, List<LabelProblem> problems)
    {
        if (errors.Count == 0)
        {
            return true;
        }

        var path = owner.Path.Length == 0 ? field : $"{owner.Path}.{field}";
        problems.Add(new LabelProblem(span,
            $"\"{path}: Invalid value: \"{value}\": {string.Join("; ", errors)}\": {Fix(value, what)}"));
        return false;
    }

    /// <summary>A corrected spelling when one is obvious (spaces and other characters to <c>-</c>, ends trimmed), else the rule.</summary>
    private static string Fix(string value, string what)
    {
        var prefix = what == "label key" && value.IndexOf('/') is var slash and > 0 && value.IndexOf('/', slash + 1) < 0
            ? value.Substring(0, slash + 1)
            : string.Empty;
        var name = value.Substring(prefix.Length);
        var mended = new string(name.Select(c => (char.IsLetterOrDigit(c) && c < 128) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('-', '_', '.');
        var suggestion = prefix.ToLowerInvariant() + mended;
        var valid = what == "label key" ? NameValidation.QualifiedName(suggestion) : NameValidation.LabelValue(suggestion);
        return mended.Length > 0 && valid.Count == 0 && suggestion != value
            ? $"write the {what} as `{suggestion}` (letters, digits, `-`, `_` and `.`, at most 63, starting and ending with a letter or digit)"
            : $"use at most 63 letters, digits, `-`, `_` and `.` for the {what}, starting and ending with a letter or digit";
    }
}
