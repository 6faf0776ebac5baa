using System.CommandLine;
using Linter.Core.Engine;
using Linter.Core.Output;
using Linter.Core.Output.Sarif;
using Linter.Core.Rules;
using Linter.Rules;

namespace Linter.Cli;

internal static class CheckCommand
{
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        var input = new InputOptions();
        var config = new ConfigOptions();
        var baseline = new Option<string?>("--baseline") { Description = "A SARIF log of an earlier run (see --write-baseline): findings already in it are not reported and do not fail the run; SARIF marks them unchanged." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Also write this run's findings as a SARIF baseline to FILE." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (for people), json (versioned schema), sarif (SARIF 2.1.0 for code scanning), github (workflow command annotations) or junit (JUnit XML test report).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github", "junit");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
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

        var command = new Command("check", "Lint manifests and report findings.\n\n" + KubelintCommand.ExitCodesHelp);
        input.AddTo(command);
        config.AddTo(command, withRules: true);
        command.Add(baseline);
        command.Add(writeBaseline);
        command.Add(format);
        command.Add(output);
        command.Add(failOn);
        command.Add(sarifRoot);
        command.Add(sarifCategory);
        command.SetAction(parse =>
        {
            var setup = config.Setup(parse, input, workingDirectory, parse.GetValue(failOn), stderr);
            if (setup is null)
            {
                return ExitCodes.UsageError;
            }

            var options = new CheckOptions(parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(sarifRoot), parse.GetValue(sarifCategory));
            var root = options.SarifRoot is { } given ? Path.GetFullPath(Path.Combine(workingDirectory, given)) : ReportPaths.RepositoryRoot(workingDirectory);
            IBaseline? previous = null;
            if (parse.GetValue(baseline) is { } baselinePath)
            {
                try
                {
                    using var stream = File.OpenRead(Path.Combine(workingDirectory, baselinePath));
                    previous = SarifBaseline.Read(stream, root, workingDirectory);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
                {
                    stderr.WriteLine($"kubelint: cannot use baseline {baselinePath}: {ex.Message}");
                    return ExitCodes.UsageError;
                }
            }

            var result = LintEngine.Run(setup.Request(input.Inputs(parse, stdin, workingDirectory), previous));
            if (result.NothingLinted is { } why)
            {
                stderr.WriteLine("kubelint: " + why);
                return ExitCodes.UsageError;
            }

            return Report(result, options, setup.FailOn, workingDirectory, root, parse.GetValue(writeBaseline), stdout, stderr);
        });
        return command;
    }

    private sealed record CheckOptions(string Format, string? Output, string? SarifRoot, string? SarifCategory);

    private static int Report(LintResult result, CheckOptions options, Severity? failOn, string workingDirectory, string root, string? baselineOut, TextWriter stdout, TextWriter stderr)
    {
        var exitCode = result.ExitCode(failOn);
        var sarif = new SarifOptions
        {
            ToolVersion = ToolVersion.Current,
            RootDirectory = root,
            WorkingDirectory = workingDirectory,
            ExitCode = exitCode,
            Category = options.SarifCategory,
            Documentation = BuiltInRules.Catalog.Documentation,
        };
        try
        {
            if (options.Output is null)
            {
                WriteReport(result, options.Format, sarif, stdout);
            }
            else
            {
                using var file = new StreamWriter(Path.Combine(workingDirectory, options.Output), append: false, new System.Text.UTF8Encoding(false));
                WriteReport(result, options.Format, sarif, file);
                stderr.WriteLine(TextReport.Summary(result));
            }

            if (baselineOut is not null)
            {
                using var file = new StreamWriter(Path.Combine(workingDirectory, baselineOut), append: false, new System.Text.UTF8Encoding(false));
                WriteReport(result, "sarif", sarif, file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"kubelint: cannot write the report: {ex.Message}");
            return ExitCodes.UsageError;
        }

        return exitCode;
    }

    private static void WriteReport(LintResult result, string format, SarifOptions sarif, TextWriter output)
    {
        switch (format)
        {
            case "text":
                new TextReport(Terminal.UseColor(output)).Write(result, output);
                return;
            case "github":
                GithubReport.Write(result, output, sarif.RootDirectory, sarif.WorkingDirectory);
                return;
        }

        using var memory = new MemoryStream();
        switch (format)
        {
            case "json":
                JsonReport.Write(result, memory, ToolVersion.Current);
                break;
            case "junit":
                JunitReport.Write(result, memory);
                break;
            default:
                SarifReport.Write(result, memory, sarif);
                break;
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(memory.ToArray()));
    }
}
