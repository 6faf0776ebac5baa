using System.CommandLine;
using Linter.Core.Engine;

namespace Linter.Cli;

internal static class ExplainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        var id = new Argument<string>("rule") { Description = "A rule id (KL203) or slug (named-target-port-not-found), in any case." };
        var config = new ConfigOptions();
        var command = new Command("explain", "Print a rule's page: why it matters, examples, how to fix, references. A custom rule's page is the Markdown file beside it.") { id };
        config.AddTo(command, withRules: false);
        command.SetAction(parse =>
        {
            var wanted = parse.GetValue(id)!;
            if (config.Catalog(parse, ".", workingDirectory, stderr) is not { } catalog)
            {
                return ExitCodes.UsageError;
            }

            if (catalog.Find(wanted) is not { } rule)
            {
                stderr.WriteLine($"kubelint: {catalog.Unknown(wanted)} ('kubelint rules' lists them)");
                return ExitCodes.UsageError;
            }

            stdout.Write(catalog.Page(rule.Descriptor));
            return 0;
        });
        return command;
    }
}
