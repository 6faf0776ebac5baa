using Linter.Core.Engine;

namespace Linter.Core.Output;

/// <summary>One output format of a lint result. Register a new format in <see cref="ReportFormats"/>.</summary>
internal interface IReportWriter
{
    /// <summary>The name <c>--format</c> takes.</summary>
    string Name { get; }

    /// <summary>One line for the command-line help: what the format is for.</summary>
    string Description { get; }

    /// <summary>The report shows the findings' fingerprints (see <see cref="Linter.Core.Engine.LintRequest.Fingerprints"/>).</summary>
    bool ShowsFingerprints { get; }

    /// <summary>Writes the whole report, ending with a new line.</summary>
    void Write(LintResult result, TextWriter output, ReportContext context);
}
