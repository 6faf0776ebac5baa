using System.CommandLine;
using Linter.Core.Engine;

namespace Linter.Cli;

/// <summary>The command tree. Parse errors are usage errors (exit 2); each command does its own work.</summary>
public static class KubelintCommand
{
    public const string ExitCodesHelp =
        "Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage error; " +
        "3 some input could not be read or parsed (findings in the other files are still reported).";

    /// <summary>
    /// Runs kubelint; relative paths and report paths are taken from <paramref name="workingDirectory"/>, and
    /// <paramref name="terminal"/> tells what <paramref name="stdout"/> is connected to, and <paramref name="ci"/> what the CI
    /// system around it says (none when not given).
    /// </summary>
    public static int Run(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr, string workingDirectory, Terminal terminal, CiEnvironment? ci = null)
    {
        var root = new RootCommand(
            "kubelint lints Kubernetes manifests before they are deployed. It simulates what the cluster will do " +
            "with them (which pods each Service selects, what every service port resolves to, which names resolve " +
            "through cluster DNS from which namespace, which node ports collide) and reports mistakes with exact " +
            "positions. Settings: .kubelint.yaml (kubelint init).\n\n" + ExitCodesHelp)
        {
            CheckCommand.Create(stdin, stdout, stderr, workingDirectory, terminal, ci ?? CiEnvironment.None),
            ResolveCommand.Create(stdin, stdout, stderr, workingDirectory),
            GraphCommand.Create(stdin, stdout, stderr, workingDirectory),
            RulesCommand.Create(stdout, stderr, workingDirectory),
            InitCommand.Create(stdout, stderr, workingDirectory),
            InitCommand.CreateConfig(stdout, stderr, workingDirectory),
            ExplainCommand.Create(stdout, stderr, workingDirectory),
            TestCommand.Create(stdout, stderr, workingDirectory),
            NewCommand.Create(stdout, stderr, workingDirectory),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"kubelint: {error.Message}");
            }

            stderr.WriteLine("Run 'kubelint --help' for usage.");
            return ExitCodes.UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
