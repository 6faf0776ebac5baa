using Linter.Core.Rules;

namespace Linter.MSBuild.Tests;

/// <summary>The task's severity decisions, which follow the compiler's for the analyzer's diagnostics.</summary>
public sealed class SeverityTests
{
    private static SeverityOptions Options(
        Dictionary<string, string>? configured = null, string? noWarn = null, string? warningsAsErrors = null, string? notAsErrors = null, bool treatAsErrors = false) =>
        new(configured ?? [], noWarn, warningsAsErrors, notAsErrors, treatAsErrors);

    [Theory]
    [InlineData(Severity.Error, "error", ReportLevel.Error)]
    [InlineData(Severity.Warning, "error", ReportLevel.Warning)]
    [InlineData(Severity.Note, "error", ReportLevel.Message)]
    [InlineData(Severity.Warning, "warning", ReportLevel.Error)]
    [InlineData(Severity.Note, "note", ReportLevel.Error)]
    [InlineData(Severity.Error, null, ReportLevel.Warning)]
    public void Fail_on_decides_what_is_an_error(Severity severity, string? failOn, ReportLevel expected)
    {
        Severity? threshold = failOn is null ? null : SeverityNames.TryParse(failOn, out var s) ? s : throw new ArgumentException(failOn);
        Assert.Equal(expected, Options().Effective("KL101", severity, threshold));
    }

    [Theory]
    [InlineData("error", ReportLevel.Error)]
    [InlineData("warning", ReportLevel.Warning)]
    [InlineData("suggestion", ReportLevel.Message)]
    [InlineData("silent", ReportLevel.None)]
    [InlineData("none", ReportLevel.None)]
    [InlineData("default", ReportLevel.Warning)]
    public void A_configured_severity_replaces_the_reported_one(string configured, ReportLevel expected)
    {
        var options = Options(new Dictionary<string, string> { ["KL101"] = configured });
        Assert.Equal(expected, options.Effective("KL101", Severity.Warning, Severity.Error));
        Assert.Equal(ReportLevel.Warning, options.Effective("KL102", Severity.Warning, Severity.Error));
    }

    [Fact]
    public void NoWarn_hides_even_errors_and_wins_over_configuration()
    {
        var options = Options(new Dictionary<string, string> { ["KL101"] = "error" }, noWarn: "1701;1702;KL101,KL203");
        Assert.Equal(ReportLevel.None, options.Effective("KL101", Severity.Warning, Severity.Error));
        Assert.Equal(ReportLevel.None, options.Effective("KL203", Severity.Error, Severity.Error));
    }

    [Fact]
    public void Warnings_become_errors_by_id_or_all_together_less_the_exceptions()
    {
        Assert.Equal(ReportLevel.Error, Options(warningsAsErrors: "KL101").Effective("KL101", Severity.Warning, Severity.Error));
        Assert.Equal(ReportLevel.Error, Options(treatAsErrors: true).Effective("KL004", Severity.Warning, Severity.Error));
        Assert.Equal(ReportLevel.Warning, Options(notAsErrors: "KL004", treatAsErrors: true).Effective("KL004", Severity.Warning, Severity.Error));
        Assert.Equal(ReportLevel.Message, Options(treatAsErrors: true).Effective("KL002", Severity.Note, Severity.Error));
    }

    [Fact]
    public void Global_config_files_are_read_before_their_first_section_and_the_higher_level_wins()
    {
        var folder = Directory.CreateTempSubdirectory("kubelint-globalconfig-").FullName;
        try
        {
            var low = Path.Combine(folder, "low.globalconfig");
            File.WriteAllText(low, "is_global = true\nglobal_level = 10\n# comment\ndotnet_diagnostic.KL101.severity = error\ndotnet_diagnostic.KL203.severity = none\n");
            var high = Path.Combine(folder, ".globalconfig");
            File.WriteAllText(high, "is_global = true\ndotnet_diagnostic.kl101.severity = suggestion\ndotnet_diagnostic.CA1000.severity = none\n[*.yaml]\ndotnet_diagnostic.KL004.severity = none\n");

            var severities = GlobalConfig.ReadSeverities([high, low, Path.Combine(folder, "missing")], (_, _, message) => Assert.Fail(message));

            Assert.Equal("suggestion", severities["KL101"]);
            Assert.Equal("none", severities["KL203"]);
            Assert.False(severities.ContainsKey("KL004"));
            Assert.False(severities.ContainsKey("CA1000"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
