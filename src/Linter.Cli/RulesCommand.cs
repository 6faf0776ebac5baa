using System.CommandLine;
using Linter.Core.Rules;
using Linter.Rules;

namespace Linter.Cli;

internal static class RulesCommand
{
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("rules", "List the rules: id, slug, default severity and title. 'kubelint explain ID' shows a rule's page.");
        command.SetAction(_ =>
        {
            var rules = BuiltInRules.All.Select(r => r.Descriptor).ToList();
            var slugWidth = rules.Max(r => r.Slug.Length);
            stdout.WriteLine($"{"ID",-6} {"SLUG".PadRight(slugWidth)} {"SEVERITY",-8} TITLE");
            foreach (var rule in rules)
            {
                stdout.WriteLine($"{rule.Id,-6} {rule.Slug.PadRight(slugWidth)} {rule.DefaultSeverity.ToText(),-8} {rule.Title}");
            }

            return 0;
        });
        return command;
    }
}
