using System.CommandLine;
using System.Text.RegularExpressions;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Cli;

/// <summary>
/// <c>kubelint test [PATH]</c>: lints every fixture of the rule folders under PATH, as the rule tests do, and reports
/// the findings its <c># expect:</c> comments miss or do not name.
/// </summary>
internal static partial class TestCommand
{
    private const string Description =
        "Test rules against their fixtures. A rule folder holds the rule, its page <ID>.md and a fixtures folder:\n\n" +
        "  readiness-behind-service/\n" +
        "    ReadinessBehindServiceRule.cs\n" +
        "    ACME001.md\n" +
        "    fixtures/invalid-1.yaml   must give the findings its comments name\n" +
        "    fixtures/valid-1.yaml     must give no finding\n\n" +
        "A comment '# expect: ID' ends each line a finding must start on, e.g.\n\n" +
        "  metadata:\n" +
        "    name: web # expect: ACME001\n\n" +
        "Each fixture is linted alone with only its rule on (a rule that reviews suppressions runs with all rules); " +
        "a missing and an unexpected finding both fail it.\n\n" +
        "Exit codes: 0 every fixture passes; 1 some fixture fails; 2 usage error (no fixtures, a rule folder without " +
        "exactly one page, a page whose id no rule has, a path that cannot be read).";

    [GeneratedRegex($"^(?<id>{RuleDescriptor.IdPattern})\\.md$", RegexOptions.CultureInvariant)]
    private static partial Regex PageName { get; }

    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint, // hidden folders (.kubelint/rules) are searched; links are not followed
    };

    public static Command Create(TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        var path = new Argument<string>("path")
        {
            Description = "A folder searched for fixtures folders, or one fixture file. Default: the current directory.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var config = new ConfigOptions();
        var command = new Command("test", Description) { path };
        config.AddTo(command, withRules: false);
        command.SetAction(parse =>
        {
            var given = parse.GetValue(path) ?? ".";
            var setup = config.Setup(parse, given, workingDirectory, stderr);
            if (setup is null)
            {
                return ExitCodes.UsageError;
            }

            var (suites, problems) = Find(Path.GetFullPath(Path.Combine(workingDirectory, given)), setup.Catalog, workingDirectory);
            if (problems.Count == 0 && suites.Sum(s => s.Fixtures.Count) == 0)
            {
                problems.Add($"no fixtures under {given}: a rule folder holds its page <ID>.md and fixtures/*.yaml");
            }

            foreach (var problem in problems)
            {
                stderr.WriteLine("kubelint: " + problem);
            }

            return problems.Count > 0 ? ExitCodes.UsageError : Run(suites, setup, stdout);
        });
        return command;
    }

    /// <summary>A rule and the fixtures of its folder to test (all of them, or the one named).</summary>
    private sealed record Suite(Rule Rule, IReadOnlyList<Fixture> Fixtures);

    private sealed record Fixture(string FullPath, string DisplayPath, string Text);

    private static int Run(IReadOnlyList<Suite> suites, LintSetup setup, TextWriter stdout)
    {
        var failed = 0;
        foreach (var suite in suites)
        {
            foreach (var fixture in suite.Fixtures)
            {
                var problems = Test(fixture, suite.Rule, setup);
                failed += problems.Count > 0 ? 1 : 0;
                foreach (var problem in problems)
                {
                    stdout.WriteLine(problem);
                }
            }
        }

        var fixtures = suites.Sum(s => s.Fixtures.Count);
        var rules = suites.Select(s => s.Rule.Descriptor.Id).Distinct().Count();
        stdout.WriteLine($"{Plural(fixtures, "fixture")} of {Plural(rules, "rule")}: {fixtures - failed} passed, {failed} failed");
        return failed > 0 ? ExitCodes.Findings : ExitCodes.Clean;
    }

    /// <summary>What is wrong with a fixture, in line order; empty when it passes.</summary>
    private static List<string> Test(Fixture fixture, Rule rule, LintSetup setup)
    {
        var name = Path.GetFileName(fixture.FullPath);
        var expected = FixtureExpectations.Parse(fixture.Text);
        var problems = new List<(int Line, int Column, string Text)>();
        if (name.StartsWith("valid-", StringComparison.Ordinal))
        {
            problems.AddRange(expected.Select(e => (e.Line, 0, $"{fixture.DisplayPath}:{e.Line}: a valid-* fixture must give no finding, but expects {e.RuleId}")));
            expected = [];
        }
        else if (name.StartsWith("invalid-", StringComparison.Ordinal) && expected.Count == 0)
        {
            problems.Add((0, 0, $"{fixture.DisplayPath}: an invalid-* fixture must expect a finding ('# expect: {rule.Descriptor.Id}' on its line)"));
        }

        var comparison = FixtureExpectations.Compare(expected, FixtureExpectations.Lint(setup, rule, InputSource.FromPath(fixture.FullPath)));
        problems.AddRange(comparison.Missing.Select(e => (e.Line, 0, $"{fixture.DisplayPath}:{e.Line}: missing {e.RuleId}")));
        problems.AddRange(comparison.Unexpected.Select(f =>
            (f.Location.Line, f.Location.Column, $"{f.Location.Path}:{f.Location.Line}:{f.Location.Column}: unexpected {f.RuleId}: {f.Message}")));
        return problems.OrderBy(p => p.Line).ThenBy(p => p.Column).Select(p => p.Text).ToList();
    }

    /// <summary>The rule folders under <paramref name="target"/> (a folder, or one fixture file), in ordinal order, and what is wrong with them.</summary>
    private static (List<Suite> Suites, List<string> Problems) Find(string target, RuleCatalog catalog, string workingDirectory)
    {
        var suites = new List<Suite>();
        var problems = new List<string>();
        var shown = ManifestLoader.DisplayPath(target, workingDirectory);
        try
        {
            IEnumerable<(string Folder, string[] Files)> folders;
            if (File.Exists(target))
            {
                if (!IsFixture(target) || Path.GetFileName(Path.GetDirectoryName(target)) != "fixtures")
                {
                    problems.Add($"{shown} is not a fixture: a .yaml or .yml file in a fixtures folder");
                    return (suites, problems);
                }

                folders = [(Path.GetDirectoryName(target)!, [target])];
            }
            else if (Directory.Exists(target))
            {
                folders = Directory.EnumerateDirectories(target, "fixtures", Walk)
                    .Prepend(target)
                    .Where(d => Path.GetFileName(d) == "fixtures")
                    .Order(StringComparer.Ordinal)
                    .Select(d => (d, Directory.EnumerateFiles(d).Where(IsFixture).Order(StringComparer.Ordinal).ToArray()))
                    .ToList();
            }
            else
            {
                problems.Add($"{shown} does not exist");
                return (suites, problems);
            }

            foreach (var (folder, files) in folders)
            {
                if (RuleOf(Path.GetDirectoryName(folder)!, catalog, workingDirectory, problems) is { } rule)
                {
                    suites.Add(new Suite(rule, files.Select(f => new Fixture(f, ManifestLoader.DisplayPath(f, workingDirectory), File.ReadAllText(f))).ToList()));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"cannot read {shown}: {ex.Message}");
        }

        return (suites, problems);
    }

    /// <summary>The rule a folder's single page <c>&lt;ID&gt;.md</c> names, or null after adding what is wrong.</summary>
    private static Rule? RuleOf(string folder, RuleCatalog catalog, string workingDirectory, List<string> problems)
    {
        var pages = Directory.EnumerateFiles(folder, "*.md").Where(p => PageName.IsMatch(Path.GetFileName(p))).Order(StringComparer.Ordinal).ToList();
        var shown = ManifestLoader.DisplayPath(folder, workingDirectory);
        if (pages.Count != 1)
        {
            var found = pages.Count == 0 ? "none" : string.Join(", ", pages.Select(Path.GetFileName));
            problems.Add($"{shown}: a rule folder needs exactly one page <ID>.md beside its fixtures folder; found {found}");
            return null;
        }

        var id = PageName.Match(Path.GetFileName(pages[0])).Groups["id"].Value;
        if (catalog.Find(id) is { } rule && rule.Descriptor.Id == id)
        {
            return rule;
        }

        problems.Add($"{ManifestLoader.DisplayPath(pages[0], workingDirectory)}: {catalog.Unknown(id)} ('kubelint rules' lists them)");
        return null;
    }

    private static bool IsFixture(string path) =>
        Path.GetExtension(path) is ".yaml" or ".yml";

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
