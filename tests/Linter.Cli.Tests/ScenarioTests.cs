using System.Text.RegularExpressions;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Rules;

namespace Linter.Cli.Tests;

/// <summary>
/// The acceptance scenarios of ../shared/scenarios (present in CI, absent for users): each folder, linted as one
/// input, gives exactly the findings its <c># expect:</c> comments and its <c>expected.tsv</c> name, for every rule
/// kubelint implements. Expectations of rules not built yet are listed as skipped rows naming their family; a folder
/// whose expectations need a rule family not built yet is skipped as pending, naming the issue that completes it.
/// Without the shared folder there is nothing to check.
/// </summary>
public sealed class ScenarioTests
{
    private static readonly Regex Expect = new(@"#\s*expect:\s*((?:KL\d{3}\s*)+)", RegexOptions.Compiled);

    /// <summary>Folders that show findings of today's rules which rules of a later issue exist to silence or move.</summary>
    private static readonly Dictionary<string, string> Pending = new(StringComparer.Ordinal)
    {
    };

    private static readonly Dictionary<char, string> Families = new()
    {
        ['0'] = "input", ['1'] = "selectors", ['2'] = "ports", ['3'] = "dns", ['4'] = "headless",
        ['5'] = "protocols", ['6'] = "ingress (Ingress and Gateway API)", ['7'] = "netpol (NetworkPolicy)", ['8'] = "validation (API server)",
    };

    private static string ScenarioRoot => Path.GetFullPath(Path.Combine(Cli.Root, "..", "shared", "scenarios"));

    private static IEnumerable<string> Folders() => Directory.Exists(ScenarioRoot)
        ? Directory.GetDirectories(ScenarioRoot).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)
        : [];

    private static HashSet<string> Implemented { get; } = BuiltInRules.Catalog.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Folders().Where(f => !Pending.ContainsKey(f)))
        {
            data.Add(folder);
        }

        if (data.Count == 0)
        {
            data.Add("(shared scenarios not present)");
        }

        return data;
    }

    public static TheoryData<string, string> PendingScenarios()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Folders().Where(Pending.ContainsKey))
        {
            data.Add(folder, Pending[folder]);
        }

        if (data.Count == 0)
        {
            data.Add("(none)", "nothing is pending");
        }

        return data;
    }

    /// <summary>One row per scenario and rule not built yet: what the scenario expects of that rule.</summary>
    public static TheoryData<string, string, string> ExpectationsOfRulesNotBuilt()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var folder in Folders())
        {
            foreach (var rule in Expectations(folder).GroupBy(e => e.Rule).Where(g => !Implemented.Contains(g.Key)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                data.Add(folder, rule.Key, $"family {Families[rule.Key[2]]}: {string.Join(", ", rule.Select(e => e.At))}");
            }
        }

        if (data.Count == 0)
        {
            data.Add("(none)", "-", "every expected rule is built");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_gives_exactly_the_expected_findings(string scenario)
    {
        var folder = Path.Combine(ScenarioRoot, scenario);
        if (!Directory.Exists(folder))
        {
            Assert.False(Directory.Exists(ScenarioRoot), "scenario folder vanished");
            return;
        }

        var expected = new SortedSet<string>(Expectations(scenario).Where(e => Implemented.Contains(e.Rule)).Select(e => $"{e.At} {e.Rule}"), StringComparer.Ordinal);
        var actual = new SortedSet<string>(Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } binary ? Run(binary, folder) : Lint(folder), StringComparer.Ordinal);
        Assert.True(expected.SetEquals(actual),
            $"missing: [{string.Join(", ", expected.Except(actual))}]\nextra: [{string.Join(", ", actual.Except(expected))}]");
    }

    /// <summary>With this variable set to a kubelint executable (the Native AOT binary in CI), the scenarios run
    /// through it, as <c>kubelint check . --format json</c> in the folder, instead of in this process.</summary>
    public const string BinaryVariable = "KUBELINT_BINARY";

    private static IEnumerable<string> Lint(string folder) =>
        LintEngine.Run(new LintRequest { Inputs = [InputSource.FromPath(folder)], Catalog = BuiltInRules.Catalog, WorkingDirectory = folder })
            .Findings.Select(f => $"{f.Location.Path}:{f.Location.Line} {f.RuleId}");

    private static IEnumerable<string> Run(string binary, string folder)
    {
        var start = new System.Diagnostics.ProcessStartInfo(binary, ["check", ".", "--format", "json", "--fail-on", "none"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode is 0 or 3, $"{binary} exited {process.ExitCode}: {stderr.Result}");
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()} {f.GetProperty("ruleId").GetString()}")
            .ToList();
    }

    [Theory]
    [MemberData(nameof(PendingScenarios), Skip = "pending: the folder needs rules of a later issue (named in the row)")]
    public void Pending_scenario(string scenario, string completedBy) => Assert.Fail($"{scenario} waits for {completedBy}");

    [Theory]
    [MemberData(nameof(ExpectationsOfRulesNotBuilt), Skip = "the rule is not built yet (its family is named in the row)")]
    public void Expectation_of_a_rule_not_built_yet(string scenario, string rule, string expected) => Assert.Fail($"{scenario}: {rule} {expected}");

    [Fact]
    public void Expected_tsv_rows_are_read_with_the_comments()
    {
        var folder = Directory.CreateTempSubdirectory("kubelint-scenario").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "app.yaml"), "a: 1 # expect: KL101\nb: 2\n");
            File.WriteAllText(Path.Combine(folder, "expected.tsv"), "KL304\tapp.yaml\t2\n");
            Assert.Equal(["app.yaml:1 KL101", "app.yaml:2 KL304"], Expectations(folder).Select(e => $"{e.At} {e.Rule}").Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The folder's expectations: <c># expect:</c> comments, and rows of <c>expected.tsv</c> (RULE, file, line).</summary>
    private static IEnumerable<(string Rule, string At)> Expectations(string scenario)
    {
        var folder = Path.Combine(ScenarioRoot, scenario);
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            if (relative == "expected.tsv")
            {
                foreach (var row in lines.Select(l => l.Split('\t')).Where(r => r.Length == 3))
                {
                    yield return (row[0].Trim(), $"{row[1].Trim()}:{row[2].Trim()}");
                }

                continue;
            }

            for (var i = 0; i < lines.Length; i++)
            {
                var match = Expect.Match(lines[i]);
                foreach (var id in match.Success ? match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])
                {
                    yield return (id, $"{relative}:{i + 1}");
                }
            }
        }
    }
}
