using Linter.Core.Rules;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Linter.Core.Config;

/// <summary>
/// Which rules run, at which severity, for which file: rule defaults, then the config file's
/// <c>rules</c>, then its <c>overrides</c> (in order, for the files they match), then the command line.
/// </summary>
internal sealed class RulePolicy
{
    private readonly IReadOnlyDictionary<string, RuleSetting> _base;
    private readonly IReadOnlyList<(Matcher Files, IReadOnlyDictionary<string, RuleSetting> Rules)> _overrides;
    private readonly IReadOnlyDictionary<string, RuleSetting> _commandLine;
    private readonly string _directory;
    private readonly IReadOnlyDictionary<string, RuleOptions> _options;

    public RulePolicy(KubelintConfig config, IReadOnlyDictionary<string, RuleSetting> commandLine)
    {
        _base = config.Rules;
        _options = config.RuleOptions;
        _directory = config.Directory;
        _commandLine = commandLine;
        _overrides = config.Overrides.Select(o =>
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddIncludePatterns(o.Files);
            return (matcher, o.Rules);
        }).ToList();
    }

    public static RulePolicy Default { get; } = new(new KubelintConfig(), new Dictionary<string, RuleSetting>());

    /// <summary>The rule may report somewhere: it is on by default or for some files.</summary>
    public bool MayRun(RuleDescriptor rule) =>
        _commandLine.TryGetValue(rule.Id, out var cli) ? cli.Enabled
        : (_base.TryGetValue(rule.Id, out var setting) ? setting.Enabled : true) || _overrides.Any(o => o.Rules.TryGetValue(rule.Id, out var s) && s.Enabled);

    /// <summary>The rule's options from the configuration file.</summary>
    public RuleOptions OptionsFor(RuleDescriptor rule) => _options.TryGetValue(rule.Id, out var options) ? options : RuleOptions.None;

    /// <summary>The severity of the rule's findings in this file, or null when the rule is off there.</summary>
    public Severity? SeverityFor(RuleDescriptor rule, string fullPath, Severity reported)
    {
        var setting = _base.TryGetValue(rule.Id, out var fromFile) ? fromFile : RuleSetting.On;
        foreach (var (files, rules) in _overrides)
        {
            if (rules.TryGetValue(rule.Id, out var overridden) && files.Match(_directory, fullPath).HasMatches)
            {
                setting = overridden;
            }
        }

        if (_commandLine.TryGetValue(rule.Id, out var cli))
        {
            setting = cli;
        }

        return setting.Enabled ? setting.Severity ?? reported : null;
    }
}
