using Linter.Core.Config;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Core.Simulation;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Linter.Core.Engine;

/// <summary>Where a front end's configuration file comes from.</summary>
internal abstract record ConfigSource
{
    private ConfigSource()
    {
    }

    /// <summary>No configuration file: every default applies.</summary>
    public static ConfigSource None { get; } = new NoFile();

    /// <summary>A file the user named (<c>--config</c>, <c>KubeLintConfigFile</c>): it must exist.</summary>
    public static ConfigSource Named(string path) => new NamedFile(path);

    /// <summary>The first <c>.kubelint.yaml</c> found walking up from an input path, if any.</summary>
    public static ConfigSource SearchFrom(string path) => new Search(path);

    /// <summary>A file's text handed over by a host that reads files itself (the compiler's additional files).</summary>
    public static ConfigSource FromText(string path, string text) => new Text(path, text);

    internal sealed record NoFile : ConfigSource;

    internal sealed record NamedFile(string Path) : ConfigSource;

    internal sealed record Search(string Start) : ConfigSource;

    internal sealed record Text(string Path, string Content) : ConfigSource;
}

/// <summary>What a front end was told: the configuration file and the switches of its command line or project.</summary>
internal sealed record LintOptions
{
    /// <summary>Relative paths (of inputs, the configuration file, reports) are taken from here.</summary>
    public required string WorkingDirectory { get; init; }

    public ConfigSource Config { get; init; } = ConfigSource.None;

    /// <summary>Rules to turn on, by id or slug; an entry may list several, comma separated.</summary>
    public IReadOnlyList<string> Enable { get; init; } = [];

    /// <summary>Rules to turn off, by id or slug; an entry may list several, comma separated.</summary>
    public IReadOnlyList<string> Disable { get; init; } = [];

    /// <summary><c>RULE=error|warning|note</c> assignments.</summary>
    public IReadOnlyList<string> Severities { get; init; } = [];

    /// <summary>Overrides the configuration's <c>cluster.defaultNamespace</c>.</summary>
    public string? DefaultNamespace { get; init; }

    /// <summary>Overrides the configuration's <c>cluster.clusterDomain</c>.</summary>
    public string? ClusterDomain { get; init; }

    /// <summary><c>error</c>, <c>warning</c>, <c>note</c> or <c>none</c>; null keeps the default, <c>error</c>.</summary>
    public string? FailOn { get; init; }
}

/// <summary>A problem with a front end's settings: in the configuration file (with its position) or a switch.</summary>
internal sealed record SetupProblem(SourceSpan? Span, string Message)
{
    public override string ToString() => Span is { } at ? $"{at.Path}:{at.Line}:{at.Column}: error: {Message}" : "kubelint: " + Message;
}

/// <summary>
/// The one step every front end (CLI, MSBuild task, analyzer) takes before linting: configuration file plus
/// switches become the rule policy, the simulation's cluster profile, the include/exclude filter and the
/// fail-on level. A front end parses its own switches and reports problems its own way; it decides nothing here.
/// </summary>
internal sealed class LintSetup
{
    private LintSetup(RuleCatalog catalog, KubelintConfig config, RulePolicy policy, SimulationOptions simulation, Severity? failOn, string workingDirectory)
    {
        Catalog = catalog;
        Config = config;
        Policy = policy;
        Simulation = simulation;
        FailOn = failOn;
        WorkingDirectory = workingDirectory;
        FileFilter = Filter(config);
    }

    public RuleCatalog Catalog { get; }

    public KubelintConfig Config { get; }

    public RulePolicy Policy { get; }

    public SimulationOptions Simulation { get; }

    /// <summary>Findings at this severity or above fail the run; null: none does.</summary>
    public Severity? FailOn { get; }

    public string WorkingDirectory { get; }

    /// <summary>The configuration's include and exclude globs, for files under its folder; null keeps every file.</summary>
    public Func<string, bool>? FileFilter { get; }

    /// <summary>
    /// The settings in force, and the problems found on the way. With problems the setup falls back to the defaults
    /// for what was wrong (a broken configuration file counts as none), so a host that cannot refuse to run (the
    /// analyzer) still lints; the CLI and the MSBuild task refuse.
    /// </summary>
    public static (LintSetup Setup, IReadOnlyList<SetupProblem> Problems) Prepare(LintOptions options, RuleCatalog catalog)
    {
        var problems = new List<SetupProblem>();
        var config = ReadConfig(options, catalog, problems);
        var commandLine = new Dictionary<string, RuleSetting>(StringComparer.Ordinal);
        Switch(options.Enable, RuleSetting.On, catalog, commandLine, problems);
        Switch(options.Disable, RuleSetting.Off, catalog, commandLine, problems);
        foreach (var assignment in options.Severities)
        {
            var parts = assignment.Split('=');
            if (parts.Length != 2 || !SeverityNames.TryParse(parts[1].Trim(), out var level))
            {
                problems.Add(new SetupProblem(null, $"--severity {assignment}: expected RULE=error|warning|note"));
                continue;
            }

            Switch([parts[0]], RuleSetting.At(level), catalog, commandLine, problems);
        }

        var simulation = config.ApplyTo(new SimulationOptions());
        simulation = simulation with { DefaultNamespace = options.DefaultNamespace ?? simulation.DefaultNamespace };
        simulation = options.ClusterDomain is { } domain ? simulation with { ClusterDomain = domain.Trim('.') } : simulation;
        var setup = new LintSetup(catalog, config, new RulePolicy(config, commandLine), simulation, FailOnLevel(options.FailOn, problems), options.WorkingDirectory);
        return (setup, problems);
    }

    /// <summary>The engine's request for these inputs.</summary>
    public LintRequest Request(IReadOnlyList<InputSource> inputs, IBaseline? baseline = null) => new()
    {
        Inputs = inputs,
        Catalog = Catalog,
        Policy = Policy,
        Simulation = Simulation,
        FileFilter = FileFilter,
        Baseline = baseline,
        WorkingDirectory = WorkingDirectory,
    };

    /// <summary>
    /// The configuration file these options name or find (and its text when the host gave it), or null when there is
    /// none. A named file that does not exist is returned too: reading it reports the problem.
    /// </summary>
    public static (string Path, string? Text)? ConfigFile(LintOptions options) => options.Config switch
    {
        ConfigSource.NamedFile named => (Path.Combine(options.WorkingDirectory, named.Path), null),
        ConfigSource.Search search => ConfigLoader.Find(Path.Combine(options.WorkingDirectory, search.Start)) is { } found ? (found, null) : null,
        ConfigSource.Text given => (given.Path, given.Content),
        _ => null,
    };

    /// <summary>
    /// The custom rules that the configuration file of these options names (read before the rule catalog exists, which
    /// includes them), and the file's path as shown (empty without a file).
    /// </summary>
    public static (RuleSources Sources, string ConfigPath) CustomRuleSources(LintOptions options)
    {
        if (ConfigFile(options) is not { } file || (file.Text is null && !File.Exists(file.Path)))
        {
            return (RuleSources.None, string.Empty);
        }

        var shown = ManifestLoader.DisplayPath(file.Path, options.WorkingDirectory);
        return (RuleSources.Read(file.Path, shown, file.Text), shown);
    }

    private static KubelintConfig ReadConfig(LintOptions options, RuleCatalog catalog, List<SetupProblem> problems)
    {
        var none = new KubelintConfig { Directory = options.WorkingDirectory };
        if (ConfigFile(options) is not { } file)
        {
            return none;
        }

        var (path, text) = file;
        if (text is null && options.Config is ConfigSource.NamedFile && !File.Exists(path))
        {
            problems.Add(new SetupProblem(null, $"config file {ManifestLoader.DisplayPath(path, options.WorkingDirectory)} does not exist"));
            return none;
        }

        var (config, found) = text is null
            ? ConfigLoader.Load(path, ManifestLoader.DisplayPath(path, options.WorkingDirectory), catalog)
            : ConfigLoader.Parse(path, text, catalog);
        problems.AddRange(found.Select(p => new SetupProblem(p.Span, p.Message)));
        return found.Count > 0 ? none : config;
    }

    private static void Switch(IEnumerable<string> names, RuleSetting setting, RuleCatalog catalog, Dictionary<string, RuleSetting> settings, List<SetupProblem> problems)
    {
        foreach (var name in names.SelectMany(n => n.Split([','], StringSplitOptions.RemoveEmptyEntries)).Select(n => n.Trim()))
        {
            if (catalog.Find(name) is { } rule)
            {
                settings[rule.Descriptor.Id] = setting;
            }
            else
            {
                problems.Add(new SetupProblem(null, catalog.Unknown(name)));
            }
        }
    }

    private static Severity? FailOnLevel(string? text, List<SetupProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Severity.Error;
        }

        var trimmed = text!.Trim();
        if (string.Equals(trimmed, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (SeverityNames.TryParse(trimmed, out var level))
        {
            return level;
        }

        problems.Add(new SetupProblem(null, $"fail-on level '{trimmed}' is not error, warning, note or none"));
        return Severity.Error;
    }

    private static Func<string, bool>? Filter(KubelintConfig config)
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
