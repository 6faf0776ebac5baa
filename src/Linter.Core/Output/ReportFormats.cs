using Linter.Core.Output.Sarif;

namespace Linter.Core.Output;

/// <summary>Every output format, in the order the help lists them.</summary>
internal static class ReportFormats
{
    public static IReadOnlyList<IReportWriter> All { get; } =
    [
        new TextReport(),
        new JsonReport(),
        new SarifReport(),
        new GithubReport(),
        new GitlabReport(),
        new JunitReport(),
        new MarkdownReport(),
    ];

    public static IReportWriter? Find(string name) =>
        All.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));
}
