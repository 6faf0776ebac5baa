using System.CommandLine;
using Linter.Core.Engine;
using Linter.Core.Output;
using Linter.Core.Rules;
using Linter.Rules;

namespace Linter.Cli;

internal static class CheckCommand
{
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var input = new InputOptions();
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (for people), json (versioned schema) or sarif (SARIF 2.1.0 for code scanning).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
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
        command.SetAction(parse =>
        {
            var options = new CheckOptions(parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(failOn)!);
            var workingDirectory = Directory.GetCurrentDirectory();
            var result = LintEngine.Run(new LintRequest
            {
                Inputs = input.Inputs(parse, stdin),
                Rules = BuiltInRules.All,
                Simulation = input.Simulation(parse),
                WorkingDirectory = workingDirectory,
            });
            return Report(result, options, workingDirectory, stdout, stderr);
        });
        return command;
    }

    private sealed record CheckOptions(string Format, string? Output, string FailOn);

    private static int Report(LintResult result, CheckOptions options, string workingDirectory, TextWriter stdout, TextWriter stderr)
    {

        try
        {
            WriteReport(result, options, workingDirectory, stdout);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"kubelint: cannot write {options.Output}: {ex.Message}");
            return ExitCodes.UsageError;
        }

        if (options.Output is not null && options.Format != "text")
        {
            stderr.WriteLine(TextReport.Summary(result));
        }

        Severity? threshold = SeverityNames.TryParse(options.FailOn, out var s) ? s : null;
        return result.ExitCode(threshold);
    }

    private static void WriteReport(LintResult result, CheckOptions options, string workingDirectory, TextWriter stdout)
    {
        var version = ToolVersion.Current;
        if (options.Format == "text")
        {
            if (options.Output is null)
            {
                new TextReport(Terminal.UseColor(stdout)).Write(result, stdout);
                return;
            }

            using var file = new StreamWriter(options.Output);
            new TextReport(color: false).Write(result, file);
            return;
        }

        using var stream = options.Output is null ? new MemoryStream() : (Stream)File.Create(options.Output);
        if (options.Format == "json")
        {
            JsonReport.Write(result, stream, version);
        }
        else
        {
            SarifReport.Write(result, stream, version, workingDirectory);
        }

        if (stream is MemoryStream memory)
        {
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(memory.ToArray()));
        }
    }
}
