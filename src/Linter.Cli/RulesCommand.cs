using System.CommandLine;
using Linter.Core.Output;
using Linter.Rules;

namespace Linter.Cli;

internal static class RulesCommand
{
    public static Command Create(TextWriter stdout)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (a table), json (for tools: id, slug, title, severity, family, summary, help link) or markdown (an index page for a docs site).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var command = new Command("rules", "List the rules: id, slug, default severity and title. 'kubelint explain ID' shows a rule's page.") { format };
        command.SetAction(parse =>
        {
            var catalog = BuiltInRules.Catalog;
            switch (parse.GetValue(format))
            {
                case "json":
                    RuleIndex.WriteJson(catalog, stdout);
                    break;
                case "markdown":
                    RuleIndex.WriteMarkdown(catalog, stdout);
                    break;
                default:
                    RuleIndex.WriteTable(catalog, stdout);
                    break;
            }

            return 0;
        });
        return command;
    }
}
