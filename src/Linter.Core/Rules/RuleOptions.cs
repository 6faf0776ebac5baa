namespace Linter.Core.Rules;

/// <summary>
/// A rule's options from the configuration file (<c>ruleOptions: {ACME002: {domains: [example.com]}}</c>): each
/// option is one value or a list of values, read as text (numbers and booleans as written).
/// </summary>
public sealed class RuleOptions
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _values;

    /// <param name="values">The values of each option by name.</param>
    public RuleOptions(IReadOnlyDictionary<string, IReadOnlyList<string>> values) => _values = values;

    /// <summary>No options.</summary>
    public static RuleOptions None { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The names of the options that are set.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>The option's values (one value is a list of one); empty when it is not set.</summary>
    public IReadOnlyList<string> Strings(string name) => _values.TryGetValue(name, out var values) ? values : [];

    /// <summary>The option's value (the first, for a list), or null when it is not set.</summary>
    public string? String(string name) => Strings(name) is { Count: > 0 } values ? values[0] : null;
}
