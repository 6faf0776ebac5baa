using System.CommandLine;
using Linter.Core.Config;
using Linter.Core.Engine;
using Linter.Rules;

namespace Linter.Cli;

/// <summary><c>kubelint init</c> and <c>kubelint config schema</c>: a starter config file and its JSON Schema.</summary>
internal static class InitCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        var force = new Option<bool>("--force") { Description = "Overwrite an existing .kubelint.yaml." };
        var command = new Command("init", $"Write a commented starter {ConfigLoader.FileNames[0]} and its JSON Schema ({Starter.SchemaFileName}) to the current directory.") { force };
        command.SetAction(parse =>
        {
            var config = Path.Combine(workingDirectory, ConfigLoader.FileNames[0]);
            if (File.Exists(config) && !parse.GetValue(force))
            {
                stderr.WriteLine($"kubelint: {ConfigLoader.FileNames[0]} already exists; use --force to overwrite it");
                return ExitCodes.UsageError;
            }

            File.WriteAllText(config, Starter.Config);
            File.WriteAllText(Path.Combine(workingDirectory, Starter.SchemaFileName), ConfigSchema.Build(BuiltInRules.Catalog.Descriptors));
            stdout.WriteLine($"wrote {ConfigLoader.FileNames[0]} and {Starter.SchemaFileName}");
            return 0;
        });
        return command;
    }

    public static Command CreateConfig(TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        var config = new ConfigOptions();
        var schema = new Command("schema", "Print the JSON Schema of .kubelint.yaml (for the YAML language server: # yaml-language-server: $schema=FILE); its rule names include the configuration's custom rules.");
        config.AddTo(schema, withRules: false);
        schema.SetAction(parse =>
        {
            if (config.Catalog(parse, ".", workingDirectory, stderr) is not { } catalog)
            {
                return ExitCodes.UsageError;
            }

            stdout.WriteLine(ConfigSchema.Build(catalog.Descriptors));
            return 0;
        });
        return new Command("config", "Configuration file tools.") { schema };
    }
}
