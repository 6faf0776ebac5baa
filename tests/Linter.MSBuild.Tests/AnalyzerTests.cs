using System.Collections.Immutable;
using Linter.Core.Rules;
using Linter.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Linter.MSBuild.Tests;

/// <summary>The analyzer in a compilation built in-process, with manifests as AdditionalFiles.</summary>
public sealed class AnalyzerTests
{
    private const string ProjectDirectory = "/src/shop";

    private static readonly string ExampleFolder = Path.Combine(Dotnet.RepositoryRoot, "examples", "shop");

    [Fact]
    public void Has_one_descriptor_per_rule_with_its_title_severity_and_help_link()
    {
        var descriptors = AnalyzerLoader.Create().SupportedDiagnostics;
        Assert.Equal(BuiltInRules.Catalog.All.Select(r => r.Descriptor.Id).Order(StringComparer.Ordinal), descriptors.Select(d => d.Id));
        foreach (var rule in BuiltInRules.Catalog.All.Select(r => r.Descriptor))
        {
            var descriptor = descriptors.Single(d => d.Id == rule.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal("{0}", descriptor.MessageFormat.ToString());
            Assert.Equal("Kubernetes", descriptor.Category);
            Assert.Equal(rule.HelpUri, descriptor.HelpLinkUri);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Equal(rule.DefaultSeverity switch
            {
                Severity.Error => DiagnosticSeverity.Error,
                Severity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            }, descriptor.DefaultSeverity);
        }
    }

    [Fact]
    public async Task Reports_the_engines_findings_with_their_positions_and_messages()
    {
        var files = ExampleFiles();
        var diagnostics = await Analyze(files, Options("Analyzer"));
        var expected = Expected.Lint(ExampleFolder, ".").Findings;

        Assert.Equal(expected.Count, diagnostics.Length);
        foreach (var finding in expected)
        {
            var path = ProjectDirectory + "/" + finding.Location.Path;
            var match = diagnostics.Where(d => d.Id == finding.RuleId && d.Location.GetLineSpan().Path == path).ToList();
            var diagnostic = Assert.Single(match, d =>
                d.Location.GetLineSpan().StartLinePosition == new LinePosition(finding.Location.Line - 1, finding.Location.Column - 1) &&
                d.Location.GetLineSpan().EndLinePosition == new LinePosition(finding.Location.EndLine - 1, finding.Location.EndColumn - 1));
            Assert.Equal(finding.Message, diagnostic.GetMessage());
            Assert.Equal(finding.Severity switch
            {
                Severity.Error => DiagnosticSeverity.Error,
                Severity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            }, diagnostic.Severity);
            Assert.Equal(finding.Related.Count, diagnostic.AdditionalLocations.Count);
        }
    }

    [Fact]
    public async Task Marks_the_exact_text_of_a_finding()
    {
        var diagnostics = await Analyze(ExampleFiles(), Options("Analyzer"));
        var kl203 = Assert.Single(diagnostics, d => d.Id == "KL203");

        Assert.Equal($"{ProjectDirectory}/api.yaml", kl203.Location.GetLineSpan().Path);
        Assert.Equal("http-api", Text(kl203));
        Assert.Equal("Kubernetes", kl203.Descriptor.Category);
        Assert.Equal(Expected.HelpUri("KL203"), kl203.Descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task Positions_hold_in_files_with_CRLF_line_ends()
    {
        var files = ExampleFiles().Select(f => new TestAdditionalText(f.Path, SourceText.From(f.Text.ToString().Replace("\n", "\r\n")))).ToList();
        var diagnostics = await Analyze(files, Options("Analyzer"));
        var kl203 = Assert.Single(diagnostics, d => d.Id == "KL203");

        Assert.Equal(new LinePosition(38, 18), kl203.Location.GetLineSpan().StartLinePosition);
        Assert.Equal("http-api", Text(kl203, files));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Task")]
    [InlineData("Off")]
    public async Task Reports_nothing_unless_the_mode_is_Analyzer(string? mode)
    {
        Assert.Empty(await Analyze(ExampleFiles(), Options(mode)));
    }

    [Fact]
    public async Task Ignores_additional_files_that_are_not_marked_as_manifests()
    {
        var options = Options("Analyzer", marked: path => !path.EndsWith("api.yaml", StringComparison.Ordinal));
        var diagnostics = await Analyze(ExampleFiles(), options);

        Assert.DoesNotContain(diagnostics, d => d.Location.GetLineSpan().Path.EndsWith("api.yaml", StringComparison.Ordinal));
        Assert.NotEmpty(diagnostics);
    }

    [Fact]
    public async Task The_configuration_files_exclude_globs_apply()
    {
        var config = new TestAdditionalText($"{ProjectDirectory}/.kubelint.yaml", SourceText.From("exclude: [\"api.yaml\"]\n"));
        var everything = await Analyze(ExampleFiles(), Options("Analyzer"));
        var configured = await Analyze([.. ExampleFiles(), config], Options("Analyzer"));

        Assert.Contains(everything, d => d.Location.GetLineSpan().Path.EndsWith("/api.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(configured, d => d.Location.GetLineSpan().Path.EndsWith("/api.yaml", StringComparison.Ordinal));
        Assert.NotEmpty(configured);
    }

    [Fact]
    public async Task A_configuration_naming_custom_rules_is_read_with_the_built_in_rules()
    {
        const string BuiltInSettings = "rules:\n  KL101: off\n";
        var withCustomRules = new TestAdditionalText($"{ProjectDirectory}/.kubelint.yaml",
            SourceText.From("customRules: [rules]\nrulePackages: [packs/Acme.Rules.dll]\n" + BuiltInSettings + "  ACME001: error\n  acme-owner-label: off\n"));
        var builtInOnly = new TestAdditionalText($"{ProjectDirectory}/.kubelint.yaml", SourceText.From(BuiltInSettings));

        var expected = await Analyze([.. ExampleFiles(), builtInOnly], Options("Analyzer"));
        var diagnostics = await Analyze([.. ExampleFiles(), withCustomRules], Options("Analyzer"));

        // The whole configuration applies (KL101 off), not the defaults a configuration with problems falls back to.
        Assert.Contains(await Analyze(ExampleFiles(), Options("Analyzer")), d => d.Id == "KL101");
        Assert.DoesNotContain(diagnostics, d => d.Id == "KL101");
        Assert.NotEmpty(diagnostics);
        Assert.Equal(expected.Select(d => Text(d) + d), diagnostics.Select(d => Text(d) + d));
    }

    [Theory]
    [InlineData("warning", "KL101", DiagnosticSeverity.Error)]
    [InlineData("none", "KL203", DiagnosticSeverity.Warning)]
    [InlineData("error", "KL101", DiagnosticSeverity.Warning)]
    [InlineData("bogus", "KL203", DiagnosticSeverity.Error)]
    public async Task Fail_on_sets_the_reported_severity(string failOn, string ruleId, DiagnosticSeverity expected)
    {
        var diagnostics = await Analyze(ExampleFiles(), Options("Analyzer", failOn: failOn));
        Assert.Equal(expected, Assert.Single(diagnostics, d => d.Id == ruleId).Severity);
    }

    [Fact]
    public async Task Compilation_options_set_severity_per_rule_as_NoWarn_and_globalconfig_do()
    {
        var specific = ImmutableDictionary<string, ReportDiagnostic>.Empty
            .Add("KL203", ReportDiagnostic.Suppress)
            .Add("KL101", ReportDiagnostic.Error);
        var diagnostics = await Analyze(ExampleFiles(), Options("Analyzer"), specific);

        Assert.DoesNotContain(diagnostics, d => d.Id == "KL203");
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics, d => d.Id == "KL101").Severity);
    }

    private static string Text(Diagnostic diagnostic, IReadOnlyList<TestAdditionalText>? files = null)
    {
        var file = (files ?? ExampleFiles()).Single(f => f.Path == diagnostic.Location.GetLineSpan().Path);
        return file.Text.ToString(diagnostic.Location.SourceSpan);
    }

    private static List<TestAdditionalText> ExampleFiles() => Directory.GetFiles(ExampleFolder, "*.yaml")
        .Order(StringComparer.Ordinal)
        .Select(f => new TestAdditionalText($"{ProjectDirectory}/{Path.GetFileName(f)}", SourceText.From(File.ReadAllText(f))))
        .ToList();

    private static TestOptionsProvider Options(string? mode, string? failOn = null, Func<string, bool>? marked = null)
    {
        var global = new Dictionary<string, string> { ["build_property.MSBuildProjectDirectory"] = ProjectDirectory };
        if (mode is not null)
        {
            global["build_property.KubeLintMode"] = mode;
        }

        if (failOn is not null)
        {
            global["build_property.KubeLintFailOn"] = failOn;
        }

        return new TestOptionsProvider(global, marked ?? (_ => true));
    }

    private static async Task<ImmutableArray<Diagnostic>> Analyze(
        IReadOnlyList<TestAdditionalText> files, TestOptionsProvider options, ImmutableDictionary<string, ReportDiagnostic>? specific = null)
    {
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("public static class Program { public static void Main() { } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, specificDiagnosticOptions: specific));
        var analyzerOptions = new AnalyzerOptions([.. files.Cast<AdditionalText>()], options);
        return await compilation
            .WithAnalyzers([AnalyzerLoader.Create()], analyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
    }

    private sealed class TestAdditionalText(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public SourceText Text { get; } = text;

        public override SourceText GetText(CancellationToken cancellationToken = default) => Text;
    }

    private sealed class TestOptionsProvider(Dictionary<string, string> global, Func<string, bool> marked) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new TestOptions(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new TestOptions([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new TestOptions(
            textFile.Path.EndsWith("/.kubelint.yaml", StringComparison.Ordinal) ? new Dictionary<string, string> { ["build_metadata.AdditionalFiles.KubeLintConfig"] = "true" }
            : marked(textFile.Path) ? new Dictionary<string, string> { ["build_metadata.AdditionalFiles.KubeLintManifest"] = "true" }
            : []);
    }

    private sealed class TestOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
