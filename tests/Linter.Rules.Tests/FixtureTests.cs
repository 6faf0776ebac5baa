using Linter.Core.Loading;

namespace Linter.Rules.Tests;

/// <summary>
/// Every fixture under rules/*/KL###-*/fixtures is linted alone with only its rule enabled and must give
/// exactly the findings its <c># expect:</c> comments name: missing and extra findings both fail.
/// </summary>
public sealed class FixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Rules, "*", SearchOption.AllDirectories)
                     .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "fixtures")
                     .OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add($"{Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!.Substring(0, 5)}/{Path.GetFileName(file)}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_gives_exactly_the_expected_findings(string fixture)
    {
        var id = fixture.Substring(0, 5);
        var path = Path.Combine(RepositoryPaths.RuleFolder(id), "fixtures", fixture.Substring(6));
        var rule = BuiltInRules.Catalog.Find(id);
        Assert.NotNull(rule);

        var expected = Expectations.Parse(File.ReadAllText(path));
        Assert.All(expected, e => Assert.StartsWith(id + "@", e));
        if (Path.GetFileName(fixture).StartsWith("invalid-", StringComparison.Ordinal))
        {
            Assert.NotEmpty(expected);
        }
        else
        {
            Assert.StartsWith("valid-", Path.GetFileName(fixture));
            Assert.Empty(expected);
        }

        var findings = Expectations.Lint(rule, InputSource.FromPath(path), Path.GetDirectoryName(path)!);
        var actual = Expectations.Actual(findings);
        Assert.True(expected.SetEquals(actual),
            $"expected [{string.Join(", ", expected)}] but found [{string.Join(", ", actual)}]\n{Expectations.Explain(findings)}");
    }

    [Fact]
    public void Every_rule_has_invalid_and_valid_fixtures()
    {
        foreach (var rule in BuiltInRules.Catalog.All)
        {
            var fixtures = Directory.GetFiles(Path.Combine(RepositoryPaths.RuleFolder(rule.Descriptor.Id), "fixtures")).Select(Path.GetFileName).ToList();
            Assert.True(fixtures.Any(f => f!.StartsWith("invalid-", StringComparison.Ordinal)), $"{rule.Descriptor.Id} has no invalid fixture");
            Assert.True(fixtures.Any(f => f!.StartsWith("valid-", StringComparison.Ordinal)), $"{rule.Descriptor.Id} has no valid fixture");
        }
    }

    [Fact]
    public void Rule_folders_match_the_descriptors()
    {
        foreach (var rule in BuiltInRules.Catalog.All.Select(r => r.Descriptor))
        {
            var folder = Path.GetFileName(RepositoryPaths.RuleFolder(rule.Id));
            Assert.Equal($"{rule.Id}-{rule.Slug}", folder);
            Assert.Equal(rule.Family, Path.GetFileName(Path.GetDirectoryName(RepositoryPaths.RuleFolder(rule.Id))));
        }
    }
}
