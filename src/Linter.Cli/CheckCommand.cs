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
        command.Add(format);
        command.Add(output);
        command.Add(failOn);
        command.Add(sarifRoot);
        command.Add(sarifCategory);
        command.SetAction(parse =>
        {
            var options = new CheckOptions(parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(failOn)!, parse.GetValue(sarifRoot), parse.GetValue(sarifCategory));
            var result = LintEngine.Run(new LintRequest
            {
                Inputs = input.Inputs(parse, stdin, workingDirectory),
                Rules = BuiltInRules.All,
                Simulation = input.Simulation(parse),
                WorkingDirectory = workingDirectory,
            });
            return Report(result, options, workingDirectory, stdout, stderr);
        });
        return command;
    }

    private sealed record CheckOptions(string Format, string? Output, string FailOn, string? SarifRoot, string? SarifCategory);

    private static int Report(LintResult result, CheckOptions options, string workingDirectory, TextWriter stdout, TextWriter stderr)
    {
        Severity? threshold = SeverityNames.TryParse(options.FailOn, out var s) ? s : null;
        var exitCode = result.ExitCode(threshold);
        try
        {
            if (options.Output is null)
            {
                WriteReport(result, options, workingDirectory, exitCode, stdout);
            }
            else
            {
                using var file = new StreamWriter(Path.Combine(workingDirectory, options.Output), append: false, new System.Text.UTF8Encoding(false));
                WriteReport(result, options, workingDirectory, exitCode, file);
                stderr.WriteLine(TextReport.Summary(result));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"kubelint: cannot write {options.Output}: {ex.Message}");
            return ExitCodes.UsageError;
        }

        return exitCode;
    }

    private static void WriteReport(LintResult result, CheckOptions options, string workingDirectory, int exitCode, TextWriter output)
    {
        var root = options.SarifRoot is { } given ? Path.GetFullPath(Path.Combine(workingDirectory, given)) : ReportPaths.RepositoryRoot(workingDirectory);
        switch (options.Format)
        {
            case "text":
                new TextReport(Terminal.UseColor(output)).Write(result, output);
                return;
            case "github":
                GithubReport.Write(result, output, root, workingDirectory);
                return;
        }

        using var memory = new MemoryStream();
        switch (options.Format)
        {
            case "json":
                JsonReport.Write(result, memory, ToolVersion.Current);
                break;
            case "junit":
                JunitReport.Write(result, memory);
                break;
            default:
                SarifReport.Write(result, memory, new SarifOptions
                {
                    ToolVersion = ToolVersion.Current,
                    RootDirectory = root,
                    WorkingDirectory = workingDirectory,
                    ExitCode = exitCode,
                    Category = options.SarifCategory,
                    Documentation = BuiltInRules.Documentation,
                });
                break;
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(memory.ToArray()));
    }
}
