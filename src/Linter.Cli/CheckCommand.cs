using System.CommandLine;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Output;
using Linter.Core.Rules;
using Linter.Core.Simulation;
using Linter.Rules;

namespace Linter.Cli;

internal static class CheckCommand
{
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Files, directories (searched recursively for *.yaml, *.yml, *.json; hidden folders and node_modules skipped), globs such as 'deploy/**/*.yaml', or - for standard input. Default: the current directory.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("-", StringComparison.Ordinal) && t.Value != "-"))
            {
                result.AddError($"unknown option '{token.Value}'");
            }
        });
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (for people), json (versioned schema) or sarif (SARIF 2.1.0 for code scanning).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var ns = new Option<string>("--namespace", "-n")
        {
            Description = "The namespace of objects that do not name one, as 'kubectl apply -n' would place them.",
            DefaultValueFactory = _ => "default",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a finding has this severity or a higher one: error, warning, note, or none (never).",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "none");

        var command = new Command("check", "Lint manifests and report findings.\n\n" + KubelintCommand.ExitCodesHelp)
        {
            paths, format, output, ns, failOn,
        };
        command.SetAction(parse =>
        {
            var options = new CheckOptions(
                parse.GetValue(paths) is { Length: > 0 } p ? p : ["."],
                parse.GetValue(format)!,
                parse.GetValue(output),
                parse.GetValue(ns)!,
                parse.GetValue(failOn)!);
            return Execute(options, stdin, stdout, stderr);
        });
        return command;
    }

    private sealed record CheckOptions(string[] Paths, string Format, string? Output, string Namespace, string FailOn);

    private static int Execute(CheckOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var inputs = new List<InputSource>();
        foreach (var path in options.Paths)
        {
            inputs.Add(path == "-" ? InputSource.FromText("<stdin>", stdin.ReadToEnd()) : InputSource.FromPath(path));
        }

        var workingDirectory = Directory.GetCurrentDirectory();
        var result = LintEngine.Run(new LintRequest
        {
            Inputs = inputs,
            Rules = BuiltInRules.All,
            Simulation = new SimulationOptions { DefaultNamespace = options.Namespace },
            WorkingDirectory = workingDirectory,
        });

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
