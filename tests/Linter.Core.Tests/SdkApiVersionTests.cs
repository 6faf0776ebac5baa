using System.Xml.Linq;

namespace Linter.Core.Tests;

/// <summary>
/// Semantic versioning of Kubelint.Sdk against the API recorded as shipped: the changes in PublicAPI.Unshipped.txt
/// (which the public API analyzer keeps complete: the build fails on an unrecorded change) decide the least version.
/// </summary>
internal static class SdkApiVersioning
{
    /// <summary>How the analyzer marks a shipped entry that is gone.</summary>
    private const string RemovedPrefix = "*REMOVED*";

    /// <summary>
    /// Null when <paramref name="current"/> is a version the changes allow, else what is wrong: a removed entry needs a
    /// new major version, an added one at least a new minor version; without changes any version will do.
    /// </summary>
    /// <param name="unshippedLines">The lines of PublicAPI.Unshipped.txt.</param>
    /// <param name="shipped">The version whose API PublicAPI.Shipped.txt records.</param>
    /// <param name="current">The version being built.</param>
    public static string? Problem(IEnumerable<string> unshippedLines, Version shipped, Version current)
    {
        // Blank lines and the analyzer's `#nullable enable` are not entries.
        var entries = unshippedLines.Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        var removed = entries.Where(line => line.StartsWith(RemovedPrefix, StringComparison.Ordinal)).Select(line => line[RemovedPrefix.Length..]).ToList();
        var added = entries.Where(line => !line.StartsWith(RemovedPrefix, StringComparison.Ordinal)).ToList();
        var nextMajor = new Version(shipped.Major + 1, 0, 0);
        var nextMinor = new Version(shipped.Major, shipped.Minor + 1, 0);
        if (removed.Count > 0 && current < nextMajor)
        {
            return Describe(removed, "removes", shipped, current, "a new major version", nextMajor);
        }

        return added.Count > 0 && current < nextMinor ? Describe(added, "adds", shipped, current, "at least a new minor version", nextMinor) : null;
    }

    private static string Describe(List<string> entries, string change, Version shipped, Version current, string bump, Version least) =>
        $"PublicAPI.Unshipped.txt {change} {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")} of the API shipped in {shipped}: "
        + $"{string.Join("; ", entries)}. This needs {bump} ({least} or later), but KubelintSdkVersion is {current}";
}

public sealed class SdkApiVersionTests
{
    private static readonly Version V1 = new(1, 0, 0);

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("1.0.1")]
    [InlineData("2.0.0")]
    public void No_change_allows_any_version(string current) =>
        Assert.Null(SdkApiVersioning.Problem(["#nullable enable", ""], V1, Version.Parse(current)));

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("1.0.1")]
    [InlineData("1.1.0")]
    [InlineData("1.9.3")]
    public void A_removal_without_a_new_major_version_fails(string current)
    {
        var problem = SdkApiVersioning.Problem(["#nullable enable", "*REMOVED*Linter.Core.Rules.Rule.Gone() -> void"], V1, Version.Parse(current));

        Assert.NotNull(problem);
        Assert.Contains("removes 1 entry", problem);
        Assert.Contains("Linter.Core.Rules.Rule.Gone() -> void", problem);
        Assert.Contains("a new major version (2.0.0 or later)", problem);
        Assert.EndsWith($"KubelintSdkVersion is {current}", problem);
    }

    [Fact]
    public void A_removal_with_a_new_major_version_passes() =>
        Assert.Null(SdkApiVersioning.Problem(["*REMOVED*Linter.Core.Rules.Rule.Gone() -> void", "Linter.Core.Rules.Rule.New() -> void"], V1, new Version(2, 0, 0)));

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("1.0.1")]
    public void An_addition_without_a_new_minor_version_fails(string current)
    {
        var problem = SdkApiVersioning.Problem(["#nullable enable", "Linter.Core.Rules.Rule.New() -> void", "Linter.Core.Rules.Rule.Other() -> int"], V1, Version.Parse(current));

        Assert.NotNull(problem);
        Assert.Contains("adds 2 entries", problem);
        Assert.Contains("Linter.Core.Rules.Rule.New() -> void; Linter.Core.Rules.Rule.Other() -> int", problem);
        Assert.Contains("at least a new minor version (1.1.0 or later)", problem);
    }

    [Theory]
    [InlineData("1.1.0")]
    [InlineData("1.2.0")]
    [InlineData("2.0.0")]
    public void An_addition_with_a_new_minor_or_major_version_passes(string current) =>
        Assert.Null(SdkApiVersioning.Problem(["#nullable enable", "Linter.Core.Rules.Rule.New() -> void"], V1, Version.Parse(current)));

    [Fact]
    public void A_removal_among_additions_asks_for_the_major_version()
    {
        var problem = SdkApiVersioning.Problem(["Linter.Core.Rules.Rule.New() -> void", "*REMOVED*Linter.Core.Rules.Rule.Gone() -> void"], new Version(1, 3, 2), new Version(1, 4, 0));

        Assert.NotNull(problem);
        Assert.Contains("removes 1 entry of the API shipped in 1.3.2: Linter.Core.Rules.Rule.Gone() -> void.", problem);
        Assert.Contains("(2.0.0 or later)", problem);
    }

    /// <summary>The repository's own files: Unshipped changes need KubelintSdkVersion to be bumped accordingly.</summary>
    [Fact]
    public void The_sdk_version_fits_its_recorded_api_changes()
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "Linter.Core");
        var properties = XDocument.Load(Path.Combine(project, "Linter.Core.csproj")).Descendants();
        Version Property(string name) => Version.Parse(properties.Single(e => e.Name.LocalName == name).Value);

        Assert.Contains(File.ReadLines(Path.Combine(project, "PublicAPI.Shipped.txt")), line => line.StartsWith("Linter.Core.Rules.Rule.Rule(", StringComparison.Ordinal));
        var problem = SdkApiVersioning.Problem(
            File.ReadLines(Path.Combine(project, "PublicAPI.Unshipped.txt")), Property("KubelintSdkShippedVersion"), Property("KubelintSdkVersion"));

        // The message in full (Assert.Null would cut it): the entries and the bump they need.
        Assert.True(problem is null, problem);
    }
}
