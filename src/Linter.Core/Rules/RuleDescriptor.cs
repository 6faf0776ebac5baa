namespace Linter.Core.Rules;

/// <summary>
/// A rule's identity and defaults. Ids are stable: an id is never reused for another check. The prefix
/// <c>KL</c> is kubelint's own; custom rules (written by teams) use another prefix, such as <c>ACME001</c>.
/// </summary>
/// <param name="Id">The stable id: a prefix of capital letters, then digits (<c>KL203</c>, <c>ACME001</c>).</param>
/// <param name="Slug">The readable name, lowercase words joined by dashes (<c>named-target-port-not-found</c>); the
/// configuration and suppressions accept it like the id.</param>
/// <param name="Title">One line that says what is wrong.</param>
/// <param name="DefaultSeverity">The severity of its findings unless the configuration or the rule says otherwise.</param>
/// <param name="Family">The group the rule belongs to (<c>ports</c>, <c>dns</c>; <c>custom</c> for a team's rules).</param>
public sealed record RuleDescriptor(string Id, string Slug, string Title, Severity DefaultSeverity, string Family)
{
    /// <summary>The prefix of the built-in rules' ids, which custom rules may not use.</summary>
    public const string BuiltInPrefix = "KL";

    /// <summary>Any rule id, built-in (<c>KL203</c>) or custom (<c>ACME001</c>): capitals and digits, ending in digits.</summary>
    public const string IdPattern = "[A-Z][A-Z0-9]*[0-9]+";

    private readonly string? _helpUri;

    /// <summary>A rule with the address of its page (see <see cref="HelpUri"/>). Prefer this constructor to setting
    /// <see cref="HelpUri"/> in a rule pack: an init-only setter binds to the target framework the pack is built for,
    /// and the IDE analyzer runs packs on the SDK's netstandard2.0 build (see Sdk.md).</summary>
    public RuleDescriptor(string Id, string Slug, string Title, Severity DefaultSeverity, string Family, string? HelpUri)
        : this(Id, Slug, Title, DefaultSeverity, Family) => _helpUri = HelpUri;

    /// <summary>True for kubelint's own rules (ids <c>KL###</c>).</summary>
    public bool IsBuiltIn => Id.StartsWith(BuiltInPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Where the rule's page is published: a built-in rule's page in kubelint's repository; for a custom rule,
    /// what it sets (null when it sets nothing: its page is shown by <c>kubelint explain</c> and in SARIF help).
    /// </summary>
    public string? HelpUri
    {
        get => _helpUri ?? (IsBuiltIn ? $"https://github.com/kubelint/kubelint/blob/main/rules/{Family}/{Id}-{Slug}/{Id}.md" : null);
        init => _helpUri = value;
    }
}
