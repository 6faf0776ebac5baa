using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Rules;

namespace Linter.Hostile.Tests;

/// <summary>
/// What the fuzzer (.ci/fuzz) found, each input cut down to the few bytes that still crash. Every input is tried as a
/// manifest (one KL001 at the offending line, exit 3) and as a <c>.kubelint.yaml</c> (a configuration problem with its
/// position), as the harness fuzz/Linter.Fuzz does.
/// </summary>
public sealed class FuzzFindingsTests
{
    /// <summary>ArgumentException from YamlDotNet's TagName, which checks a tag only when the parser builds its node.</summary>
    public static TheoryData<string, int, int> BadTags => new()
    {
        { "a: !!+0\n", 1, 4 },                    // "Global tags must be valid URIs."
        { "a: b\nc: !<> d\n", 2, 4 },             // "Tag value must not be empty."
        { "- !<> x\n- !!+0 y\n", 1, 3 },
        { "a: &x !!+0 b\n", 1, 7 },              // after an anchor
        { "!!!!+type: a\n", 1, 1 },               // read ahead with the document start
    };

    /// <summary>InvalidOperationException from YamlDotNet's scanner and parser.</summary>
    public static TheoryData<string> ScannerStates =>
    [
        // A document end marker before the first document: "The scanner should contain no more tokens." from
        // Parser.ParseDocumentStart.
        "...\n---\n",
        "# c\n...\n---\na: b\n",

        // A flow mapping left open before the next line: from Scanner.FetchNextToken or Scanner.ScanPlainScalar under
        // Parser.ParseFlowMappingKey.
        "a: {b: c\nd: e\n",
        "apiVersion: {T\nkind: ConfigMap\n",
    ];

    [Theory]
    [MemberData(nameof(BadTags))]
    public void A_bad_tag_in_a_manifest_is_KL001_at_the_tag(string text, int line, int column)
    {
        var at = ManifestProblem(text);
        Assert.Equal((line, column), (at.Line, at.Column));
    }

    [Theory]
    [MemberData(nameof(BadTags))]
    public void A_bad_tag_in_the_configuration_is_a_problem_at_the_tag(string text, int line, int column)
    {
        var at = ConfigurationProblem(text);
        Assert.Equal((line, column), (at.Line, at.Column));
    }

    [Fact]
    public void The_bad_tag_is_quoted_in_the_message()
    {
        using var hostile = new Hostile();
        var result = hostile.Lint(InputSource.FromPath(hostile.Write("input.yaml", "a: !!+0\n")));
        Assert.Equal("not valid YAML: the tag !!+0 is empty or not a valid URI", Assert.Single(result.Findings).Message);
    }

    [Theory]
    [MemberData(nameof(ScannerStates))]
    public void A_scanner_state_in_a_manifest_is_KL001(string text) =>
        Assert.InRange(ManifestProblem(text).Line, 1, text.Split('\n').Length);

    [Theory]
    [MemberData(nameof(ScannerStates))]
    public void A_scanner_state_in_the_configuration_is_a_problem_with_its_position(string text) =>
        Assert.InRange(ConfigurationProblem(text).Line, 1, text.Split('\n').Length);

    /// <summary>The position of the one KL001 of <paramref name="text"/> as a manifest; the run's exit code is 3.</summary>
    private static SourceSpan ManifestProblem(string text)
    {
        using var hostile = new Hostile();
        var result = hostile.Lint(InputSource.FromPath(hostile.Write("input.yaml", text)));
        var problem = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.Equal(ExitCodes.InputError, result.ExitCode(Severity.Error));
        return problem.Location;
    }

    /// <summary>The position of the one problem of <paramref name="text"/> as <c>.kubelint.yaml</c>.</summary>
    private static SourceSpan ConfigurationProblem(string text)
    {
        using var hostile = new Hostile();
        var config = ConfigSource.FromText(Path.Combine(hostile.Folder, ".kubelint.yaml"), text);
        var (_, problems) = LintSetup.Prepare(new LintOptions { WorkingDirectory = hostile.Folder, Config = config }, BuiltInRules.Catalog);
        var span = Assert.Single(problems).Span;
        Assert.NotNull(span);
        return span.Value;
    }
}
