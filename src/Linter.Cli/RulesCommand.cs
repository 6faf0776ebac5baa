using System.CommandLine;
using Linter.Core.Output;
using Linter.Core.Engine;

namespace Linter.Cli;

internal static class RulesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (a table), json (for tools: id, slug, title, severity, family, summary, help link) or markdown (an index page for a docs site).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var config = new ConfigOptions();
        var command = new Command("rules", "List the rules: id, slug, default severity and title, the configuration's custom rules included. 'kubelint explain ID' shows a rule's page.") { format };
        config.AddTo(command, withRules: false);
        command.SetAction(parse =>
        {
            if (config.Catalog(parse, ".", workingDirectory, stderr) is not { } catalog)
            {
                return ExitCodes.UsageError;
            }

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
