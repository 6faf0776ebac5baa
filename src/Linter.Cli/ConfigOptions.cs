using System.CommandLine;
using Linter.Core.Engine;
using Linter.Rules;

namespace Linter.Cli;

/// <summary>The configuration file and the rule switches of the command line, which win over the file.</summary>
internal sealed class ConfigOptions
{
    public Option<string?> ConfigFile { get; } = new("--config", "-c")
    {
        Description = "The configuration file. Default: the first .kubelint.yaml found walking up from the first path.",
    };

    public Option<string[]> Enable { get; } = new("--enable") { Description = "Turn rules on (ids or slugs, comma separated; repeatable).", AllowMultipleArgumentsPerToken = false };

    public Option<string[]> Disable { get; } = new("--disable") { Description = "Turn rules off (ids or slugs, comma separated; repeatable).", AllowMultipleArgumentsPerToken = false };

    public Option<string[]> Severity { get; } = new("--severity") { Description = "Report a rule at another severity: RULE=error|warning|note (repeatable), e.g. --severity KL101=error." };

    public void AddTo(Command command, bool withRules)
    {
        command.Add(ConfigFile);
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
        }, stderr);

    /// <summary>
    /// The settings of a command that takes only <c>--config</c> (added without the rule switches): the file, else the
    /// first <c>.kubelint.yaml</c> walking up from <paramref name="searchFrom"/>; null after reporting its problems.
    /// </summary>
    public LintSetup? Setup(ParseResult parse, string searchFrom, string workingDirectory, TextWriter stderr) =>
        Prepare(Options(parse, searchFrom, workingDirectory), stderr);

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
    /// Chooses the rule catalog that <c>check</c> and <c>test</c> read the configuration against and lint with (they take
    /// it from the setup): the place to add a configuration's custom rules.
    /// </summary>
    private static LintSetup? Prepare(LintOptions options, TextWriter stderr)
    {
        var (setup, problems) = LintSetup.Prepare(options, BuiltInRules.Catalog);
        foreach (var problem in problems)
        {
            stderr.WriteLine(problem);
        }

        return problems.Count > 0 ? null : setup;
    }
}
