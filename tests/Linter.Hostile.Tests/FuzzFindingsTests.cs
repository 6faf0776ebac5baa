using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Rules;

namespace Linter.Hostile.Tests;

/// <summary>
/// What the fuzzer (.ci/fuzz) found, each input cut down by hand to the few bytes that still crash. Every input is
/// tried as a manifest (one positioned KL001, exit 3) and as a <c>.kubelint.yaml</c> (a configuration problem with its
/// position), as the harness fuzz/Linter.Fuzz does.
/// </summary>
public sealed class FuzzFindingsTests
{
    private const string LoaderWork = "issue 10, loader work: YamlDotNet throws InvalidOperationException, not YamlException, in these scanner and parser states";

    public static TheoryData<string> Crashes =>
    [
        // A document end marker before the first document: InvalidOperationException "The scanner should contain no
        // more tokens." from Parser.ParseDocumentStart.
        "...\n---\n",
        "# c\n...\n---\na: b\n",

        // A flow mapping left open before the next line: InvalidOperationException from Scanner.FetchNextToken (or
        // Scanner.ScanPlainScalar) under Parser.ParseFlowMappingKey.
        "a: {b: c\nd: e\n",
        "apiVersion: {T\nkind: ConfigMap\n",
    ];

    [Theory(Skip = LoaderWork)]
    [MemberData(nameof(Crashes))]
    public void As_a_manifest_the_input_is_one_positioned_KL001_and_exit_3(string text)
    {
        using var hostile = new Hostile();
        var path = hostile.Write("input.yaml", text);
        var result = hostile.Lint(InputSource.FromPath(path));
        var problem = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.InRange(problem.Location.Line, 1, text.Split('\n').Length);
        Assert.Equal(ExitCodes.InputError, result.ExitCode(Severity.Error));
    }

    [Theory(Skip = LoaderWork)]
    [MemberData(nameof(Crashes))]
    public void As_a_configuration_file_the_input_is_a_problem_with_its_position(string text)
    {
        using var hostile = new Hostile();
        var config = ConfigSource.FromText(Path.Combine(hostile.Folder, ".kubelint.yaml"), text);
        var (_, problems) = LintSetup.Prepare(new LintOptions { WorkingDirectory = hostile.Folder, Config = config }, BuiltInRules.Catalog);
        var problem = Assert.Single(problems);
        Assert.NotNull(problem.Span);
    }
}
