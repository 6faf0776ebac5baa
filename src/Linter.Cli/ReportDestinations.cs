using System.CommandLine;
using Linter.Core.Model;
using Linter.Core.Output;

namespace Linter.Cli;

/// <summary>A report to write: in a format, to a file (a full path), or to standard output when <see cref="File"/> is null.</summary>
internal sealed record ReportDestination(IReportWriter Writer, string? File);

/// <summary>
/// The reports of a check, from <c>--format FORMAT[=FILE]</c> (repeatable) and <c>--output FILE</c>, which is the file of
/// the one format given without <c>=FILE</c> (the single-format form <c>--format sarif --output out.sarif</c>).
/// At most one report goes to standard output. Mistakes are parse errors, so they exit 2 before anything is linted.
/// </summary>
internal sealed class ReportDestinations(string workingDirectory)
{
    private const string DefaultFormat = "text";

    public Option<string[]> Formats { get; } = new("--format", "-f")
    {
        Description = "Report format, repeatable, each optionally written to a file (--format sarif=kubelint.sarif --format text); " +
            "at most one report goes to standard output. Formats: " +
            string.Join("; ", ReportFormats.All.Select(w => $"{w.Name} ({w.Description})")) + ". Default: " + DefaultFormat + ".",
        HelpName = "FORMAT[=FILE]",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "Write the report of the one --format given without =FILE to this file instead of standard output.",
        HelpName = "FILE",
    };

    public void AddTo(Command command)
    {
        command.Add(Formats);
        command.Add(Output);
        command.Validators.Add(result =>
        {
            foreach (var error in Read(result.GetValue(Formats), result.GetValue(Output)).Errors)
            {
                result.AddError(error);
            }
        });
    }

    /// <summary>The reports to write.</summary>
    public IReadOnlyList<ReportDestination> Resolve(ParseResult parse) => Read(parse.GetValue(Formats), parse.GetValue(Output)).Destinations;

    private (List<ReportDestination> Destinations, List<string> Errors) Read(string[]? formats, string? output)
    {
        var given = formats is { Length: > 0 } ? formats : [DefaultFormat];
        var destinations = new List<ReportDestination>();
        var errors = new List<string>();
        foreach (var format in given)
        {
            var equals = format.IndexOf('=');
            var name = equals < 0 ? format : format.Substring(0, equals);
            if (ReportFormats.Find(name) is not { } writer)
            {
                var names = ReportFormats.All.Select(w => w.Name).ToList();
                errors.Add(EditDistance.Nearest(name.ToLowerInvariant(), names) is { } nearest
                    ? $"unknown format '{name}'; did you mean '{nearest}'?"
                    : $"unknown format '{name}'; use {string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}");
            }
            else if (equals == format.Length - 1)
            {
                errors.Add($"--format {format}: name the file after '='");
            }
            else
            {
                var file = equals < 0 ? output : format.Substring(equals + 1);
                destinations.Add(new ReportDestination(writer, file is null ? null : Path.GetFullPath(Path.Combine(workingDirectory, file))));
            }
        }

        var withoutFile = given.Count(f => f.IndexOf('=') < 0);
        if (output is not null && withoutFile != 1)
        {
            errors.Add(withoutFile == 0
                ? $"--output {output} has no report to take: every --format names its own file"
                : $"--output {output} takes the report of one --format given without =FILE, not {withoutFile}");
        }
        else if (withoutFile > 1)
        {
            errors.Add("at most one report can go to standard output: write the others to files with --format FORMAT=FILE");
        }

        errors.AddRange(destinations
            .Where(d => d.File is not null)
            .GroupBy(d => d.File, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Count()} reports would overwrite each other in {g.Key}"));
        return (destinations, errors);
    }
}
