using System.CommandLine;
using Linter.Core.Config;
using Linter.Core.Rules;
using Linter.Rules;
using Microsoft.Extensions.FileSystemGlobbing;

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

    /// <summary>The configuration in force, or null after reporting its problems (a usage error).</summary>
    public LoadedConfig? Load(ParseResult parse, string workingDirectory, string firstPath, TextWriter stderr)
    {
        var rules = BuiltInRules.All.Select(r => r.Descriptor).ToList();
        var explicitPath = parse.GetValue(ConfigFile);
        var path = explicitPath is null ? ConfigLoader.Find(Path.Combine(workingDirectory, firstPath)) : Path.Combine(workingDirectory, explicitPath);
        var config = new KubelintConfig { Directory = workingDirectory };
        var problems = new List<string>();
        if (path is not null)
        {
            if (explicitPath is not null && !File.Exists(path))
            {
                problems.Add($"kubelint: config file {explicitPath} does not exist");
            }
            else
            {
                var (loaded, found) = ConfigLoader.Load(path, Linter.Core.Loading.ManifestLoader.DisplayPath(path, workingDirectory), rules);
                config = loaded;
                problems.AddRange(found.Select(p => p.ToString()));
            }
        }

        var commandLine = new Dictionary<string, RuleSetting>(StringComparer.Ordinal);
        Switch(parse.GetValue(Enable), RuleSetting.On, commandLine, problems);
        Switch(parse.GetValue(Disable), RuleSetting.Off, commandLine, problems);
        foreach (var assignment in parse.GetValue(Severity) ?? [])
        {
            var parts = assignment.Split('=');
            if (parts.Length != 2 || !SeverityNames.TryParse(parts[1], out var level))
            {
                problems.Add($"kubelint: --severity {assignment}: expected RULE=error|warning|note");
                continue;
            }

            Switch([parts[0]], RuleSetting.At(level), commandLine, problems);
        }

        foreach (var problem in problems)
        {
            stderr.WriteLine(problem);
        }

        return problems.Count > 0 ? null : new LoadedConfig(config, new RulePolicy(config, commandLine), FileFilter(config));
    }

    private static void Switch(IEnumerable<string>? names, RuleSetting setting, Dictionary<string, RuleSetting> settings, List<string> problems)
    {
        foreach (var name in (names ?? []).SelectMany(n => n.Split([','], StringSplitOptions.RemoveEmptyEntries)).Select(n => n.Trim()))
        {
            if (BuiltInRules.Find(name) is { } rule)
            {
                settings[rule.Descriptor.Id] = setting;
            }
            else
            {
                var nearest = Linter.Core.Model.EditDistance.Nearest(name, BuiltInRules.All.SelectMany(r => new[] { r.Descriptor.Id, r.Descriptor.Slug }));
                problems.Add($"kubelint: no rule '{name}'{(nearest is null ? string.Empty : $"; did you mean '{nearest}'?")}");
            }
        }
    }

    /// <summary>The config file's include and exclude globs, for files under its folder.</summary>
    private static Func<string, bool>? FileFilter(KubelintConfig config)
    {
        if (config.Include.Count == 0 && config.Exclude.Count == 0)
        {
            return null;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(config.Include.Count > 0 ? config.Include : ["**/*"]);
        matcher.AddExcludePatterns(config.Exclude);
        var root = Path.GetFullPath(config.Directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return file => !file.StartsWith(root, StringComparison.Ordinal) || matcher.Match(config.Directory, file).HasMatches;
    }
}

internal sealed record LoadedConfig(KubelintConfig Config, RulePolicy Policy, Func<string, bool>? FileFilter);
