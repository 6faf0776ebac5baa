using System.CommandLine;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Output;
using Linter.Core.Output.Sarif;
using Linter.Core.Rules;
using Linter.Rules;

namespace Linter.Cli;

internal static class CheckCommand
{
    public static Command Create(Stream stdin, TextWriter stdout, TextWriter stderr, string workingDirectory, Terminal terminal, CiEnvironment ci)
    {
        var input = new InputOptions();
        var helm = new HelmChartOptions();
        var config = new ConfigOptions();
        var baseline = new Option<string[]>("--baseline")
        {
            Description = "A SARIF log of an earlier run (see --write-baseline), repeatable (one per shard of a monorepo): findings already in one of them are not reported and do not fail the run; SARIF marks them unchanged.",
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Also write this run's findings as a SARIF baseline to FILE." };
        var reports = new ReportDestinations(workingDirectory);
        var sarifRoot = new Option<string?>("--sarif-root")
        {
            Description = "SARIF locations are relative to this folder. Default: the root of the git repository around the current directory, else the current directory.",
        };
        var sarifCategory = new Option<string?>("--sarif-category")
        {
            Description = "SARIF automationDetails.id: distinguishes several kubelint analyses of one repository in code scanning.",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a finding has this severity or a higher one: error, warning, note, or none (never).",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "none");
        var junitCases = new Option<string>("--junit-cases")
        {
            Description = "What a test case of the junit format stands for: rule (one per rule, failing with its findings in every file) or file (one per linted file, failing with every rule's findings in it). Only findings at or above --fail-on are failures; the others are listed in the test case's output. Default: rule.",
            DefaultValueFactory = _ => "rule",
        };
        junitCases.AcceptOnlyFromAmong("rule", "file");
        var sourceUrl = new Option<string?>("--source-url")
        {
            Description = "Links to files in the markdown format (and the job summary of the github format) start with this URL, the repository's files at this commit (https://github.com/OWNER/REPO/blob/SHA). Default: from GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA in GitHub Actions, CI_PROJECT_URL and CI_COMMIT_SHA in GitLab CI, else relative links.",
            HelpName = "URL",
        };

        var command = new Command("check", "Lint manifests and report findings.\n\n" + KubelintCommand.ExitCodesHelp);
        input.AddTo(command);
        helm.AddTo(command);
        config.AddTo(command, withRules: true);
        command.Add(baseline);
        command.Add(writeBaseline);
        reports.AddTo(command);
        command.Add(failOn);
        command.Add(junitCases);
        command.Add(sourceUrl);
        command.Add(sarifRoot);
        command.Add(sarifCategory);
        command.SetAction(parse =>
        {
            var setup = config.Setup(parse, input, workingDirectory, parse.GetValue(failOn), stderr);
            if (setup is null)
            {
                return ExitCodes.UsageError;
            }

            var options = new CheckOptions(
                reports.Resolve(parse),
                parse.GetValue(sarifRoot),
                parse.GetValue(sarifCategory),
                parse.GetValue(junitCases) == "file" ? JunitCases.File : JunitCases.Rule,
                parse.GetValue(sourceUrl) ?? ci.SourceUrl,
                ci.StepSummary);
            var root = options.SarifRoot is { } given ? Path.GetFullPath(Path.Combine(workingDirectory, given)) : ReportPaths.RepositoryRoot(workingDirectory);
            SarifBaseline? previous = null;
            foreach (var baselinePath in parse.GetValue(baseline) ?? [])
            {
                try
                {
                    using var stream = InputFiles.OpenRegular(Path.Combine(workingDirectory, baselinePath), LoadLimits.MaxBaselineBytes);
                    (previous ??= new SarifBaseline(root, workingDirectory)).Add(stream);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
                {
                    stderr.WriteLine($"kubelint: cannot use baseline {baselinePath}: {ex.Message}");
                    return ExitCodes.UsageError;
                }
            }

            var inputs = input.Inputs(parse, stdin, workingDirectory);
            if (parse.GetValue(helm.Chart) is { } chart)
            {
                if (helm.Render(parse, chart, workingDirectory, stderr) is not { } rendered)
                {
                    return ExitCodes.UsageError;
                }

                // The chart alone, unless paths are named too.
                inputs = [.. parse.GetValue(input.Paths) is { Length: > 0 } ? inputs : [], rendered];
            }

            var destinations = parse.GetValue(writeBaseline) is { } baselineOut
                ? [.. options.Reports, new ReportDestination(SarifReport.Complete(), Path.Combine(workingDirectory, baselineOut))]
                : options.Reports;
            var result = LintEngine.Run(setup.Request(inputs, previous) with { Fingerprints = destinations.Any(d => d.Writer.ShowsFingerprints), OwnsTheProcess = true });
            if (result.NothingLinted is { } why)
            {
                stderr.WriteLine("kubelint: " + why);
                return ExitCodes.UsageError;
            }

            return Report(result, setup.Catalog, options, destinations, setup.FailOn, workingDirectory, root, stdout, stderr, terminal);
        });
        return command;
    }

    private sealed record CheckOptions(IReadOnlyList<ReportDestination> Reports, string? SarifRoot, string? SarifCategory, JunitCases JunitCases, string? SourceUrl, string? StepSummary);

    /// <summary>Writes every report (those asked for and the baseline); the summary line goes to standard error when no report goes to standard output.</summary>
    private static int Report(LintResult result, RuleCatalog catalog, CheckOptions options, IReadOnlyList<ReportDestination> reports, Severity? failOn, string workingDirectory, string root, TextWriter stdout, TextWriter stderr, Terminal terminal)
    {
        var exitCode = result.ExitCode(failOn);
        var context = new ReportContext
        {
            ToolVersion = ToolVersion.Current,
            RootDirectory = root,
            WorkingDirectory = workingDirectory,
            ExitCode = exitCode,
            Category = options.SarifCategory,
            FailOn = failOn,
            JunitCases = options.JunitCases,
            SourceUrl = options.SourceUrl,
            StepSummary = options.StepSummary,
            Documentation = catalog.Documentation,
        };
        try
        {
            foreach (var report in reports)
            {
                if (report.File is null)
                {
                    report.Writer.Write(result, stdout, context with { Color = terminal.Color });
                }
                else
                {
                    using var file = new StreamWriter(report.File, append: false, new System.Text.UTF8Encoding(false));
                    report.Writer.Write(result, file, context);
                }
            }

            if (reports.All(r => r.File is not null))
            {
                stderr.WriteLine(TextReport.Summary(result));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"kubelint: cannot write the report: {ex.Message}");
            return ExitCodes.UsageError;
        }

        return exitCode;
    }
}
