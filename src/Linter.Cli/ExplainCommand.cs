using System.CommandLine;
using Linter.Core.Engine;
using Linter.Core.Model;
using Linter.Rules;

namespace Linter.Cli;

internal static class ExplainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("rule") { Description = "A rule id (KL203) or slug (named-target-port-not-found)." };
        var command = new Command("explain", "Print a rule's page: why it matters, examples, how to fix, references.") { id };
        command.SetAction(parse =>
        {
            var wanted = parse.GetValue(id)!;
            var rule = BuiltInRules.Find(wanted);
            if (rule is null)
            {
                var all = BuiltInRules.All.SelectMany(r => new[] { r.Descriptor.Id, r.Descriptor.Slug });
                var nearest = EditDistance.Nearest(wanted, all);
                stderr.WriteLine($"kubelint: no rule '{wanted}'{(nearest is null ? string.Empty : $"; did you mean '{nearest}'?")} ('kubelint rules' lists them)");
                return ExitCodes.UsageError;
            }

            stdout.Write(BuiltInRules.Page(rule.Descriptor));
            return 0;
        });
        return command;
    }
}
