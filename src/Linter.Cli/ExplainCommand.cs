using System.CommandLine;
using Linter.Core.Engine;
using Linter.Rules;

namespace Linter.Cli;

internal static class ExplainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("rule") { Description = "A rule id (KL203) or slug (named-target-port-not-found), in any case." };
        var command = new Command("explain", "Print a rule's page: why it matters, examples, how to fix, references.") { id };
        command.SetAction(parse =>
        {
            var wanted = parse.GetValue(id)!;
            var catalog = BuiltInRules.Catalog;
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
