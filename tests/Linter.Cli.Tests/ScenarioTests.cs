using System.Text.RegularExpressions;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Rules;

namespace Linter.Cli.Tests;

/// <summary>
/// The acceptance scenarios of ../shared/scenarios (present in CI, absent for users): each folder,
/// linted as one input, gives exactly the findings its <c># expect:</c> comments name, for every rule
/// kubelint implements. Without the shared folder there is nothing to check.
/// </summary>
public sealed class ScenarioTests
{
    private static readonly Regex Expect = new(@"#\s*expect:\s*((?:KL\d{3}\s*)+)", RegexOptions.Compiled);

    private static string ScenarioRoot => Path.GetFullPath(Path.Combine(Cli.Root, "..", "shared", "scenarios"));

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        IEnumerable<string?> folders = Directory.Exists(ScenarioRoot) ? Directory.GetDirectories(ScenarioRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal) : [];
        foreach (var folder in folders)
        {
            data.Add(folder!);
        }

        if (data.Count == 0)
        {
            data.Add("(shared scenarios not present)");
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

        var implemented = BuiltInRules.All.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = Expect.Match(lines[i]);
                foreach (var id in match.Success ? match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])
                {
                    if (implemented.Contains(id))
                    {
                        expected.Add($"{Path.GetRelativePath(folder, file)}:{i + 1} {id}");
                    }
                }
            }
        }

        var result = LintEngine.Run(new LintRequest { Inputs = [InputSource.FromPath(folder)], Rules = BuiltInRules.All, WorkingDirectory = folder });
        var actual = new SortedSet<string>(result.Findings.Select(f => $"{f.Location.Path}:{f.Location.Line} {f.RuleId}"), StringComparer.Ordinal);
        Assert.True(expected.SetEquals(actual),
            $"missing: [{string.Join(", ", expected.Except(actual))}]\nextra: [{string.Join(", ", actual.Except(expected))}]");
    }
}
