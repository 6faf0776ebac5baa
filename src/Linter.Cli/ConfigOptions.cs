using System.CommandLine;
using Linter.Core.Engine;
using Linter.Core.Rules;

namespace Linter.Cli;

/// <summary>The configuration file and the rule switches of the command line, which win over the file.</summary>
internal sealed class ConfigOptions
{
    public Option<string?> ConfigFile { get; } = new("--config", "-c")
    {
        Description = "The configuration file. Default: the first .kubelint.yaml found walking up from the first path (from the current directory for explain, rules and config schema).",
    };

    public Option<string[]> Enable { get; } = new("--enable") { Description = "Turn rules on (ids or slugs, comma separated; repeatable).", AllowMultipleArgumentsPerToken = false };

    public Option<string[]> Disable { get; } = new("--disable") { Description = "Turn rules off (ids or slugs, comma separated; repeatable).", AllowMultipleArgumentsPerToken = false };

    public Option<string[]> Severity { get; } = new("--severity") { Description = "Report a rule at another severity: RULE=error|warning|note (repeatable), e.g. --severity KL101=error." };

    public Option<bool> NoCustomRules { get; } = new("--no-custom-rules")
    {
        Description = "Do not compile or run the custom rules the configuration names (customRules, rulePackages): for untrusted changes, such as pull requests from forks.",
    };

    public void AddTo(Command command, bool withRules)
    {
        command.Add(ConfigFile);
        command.Add(NoCustomRules);
        if (withRules)
        {
            command.Add(Enable);
            command.Add(Disable);
            command.Add(Severity);
        }
    }

    /// <summary>The settings in force for this command line, or null after reporting their problems (a usage error).</summary>
    public LintSetup? Setup(ParseResult parse, InputOptions input, string workingDirectory, string? failOn, TextWriter stderr) =>
        Prepare(Options(parse, input.PathArguments(parse)[0], workingDirectory) with
        {
            Enable = parse.GetValue(Enable) ?? [],
            Disable = parse.GetValue(Disable) ?? [],
            Severities = parse.GetValue(Severity) ?? [],
            DefaultNamespace = parse.GetValue(input.Namespace),
            ClusterDomain = parse.GetValue(input.ClusterDomain),
            FailOn = failOn,
        }, parse, stderr);

    /// <summary>
    /// The settings of a command that takes only <c>--config</c> (added without the rule switches): the file, else the
    /// first <c>.kubelint.yaml</c> walking up from <paramref name="searchFrom"/>; null after reporting its problems.
    /// </summary>
    public LintSetup? Setup(ParseResult parse, string searchFrom, string workingDirectory, TextWriter stderr) =>
        Prepare(Options(parse, searchFrom, workingDirectory), parse, stderr);

    /// <summary>
    /// The rules of a command that lints nothing (<c>explain</c>, <c>rules</c>): the built-in ones and the custom rules
    /// of the configuration found from <paramref name="searchFrom"/>; null after reporting why they cannot be loaded.
    /// </summary>
    public RuleCatalog? Catalog(ParseResult parse, string searchFrom, string workingDirectory, TextWriter stderr) =>
        CustomRuleLoading.Catalog(Options(parse, searchFrom, workingDirectory), parse.GetValue(NoCustomRules), stderr);

    private LintOptions Options(ParseResult parse, string searchFrom, string workingDirectory)
    {
        var explicitPath = parse.GetValue(ConfigFile);
        return new LintOptions
        {
            WorkingDirectory = workingDirectory,
            Config = explicitPath is null ? ConfigSource.SearchFrom(searchFrom) : ConfigSource.Named(explicitPath),
        };
    }

    /// <summary>
    /// The setup of <c>check</c>, <c>resolve</c> and <c>test</c>: the configuration is read against the rule catalog
    /// they lint with, the built-in rules and the configuration's custom rules.
    /// </summary>
    private LintSetup? Prepare(LintOptions options, ParseResult parse, TextWriter stderr)
    {
        if (CustomRuleLoading.Catalog(options, parse.GetValue(NoCustomRules), stderr) is not { } catalog)
        {
            return null;
        }

        var (setup, problems) = LintSetup.Prepare(options, catalog);
        foreach (var problem in problems)
        {
            stderr.WriteLine(problem);
        }

        return problems.Count > 0 ? null : setup;
    }
}
