using Linter.Cli;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Rules;

namespace Linter.Hostile.Tests;

/// <summary>
/// Hostile and broken inputs are generated at test time in a folder of their own (nothing large is committed). A run
/// gets a budget through a cancellation token: a hang or a super-linear blow-up ends as a failed test, not a stuck
/// build; no test asserts how fast something is (that is measured in bench/).
/// </summary>
internal sealed class Hostile : IDisposable
{
    /// <summary>Far more than any case needs when it is linear; a run past it counts as a hang.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public string Folder { get; } = Directory.CreateTempSubdirectory("kubelint-hostile-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A case that made a folder unreadable or a special file: leave it to the system's temp cleaning.
        }
    }

    /// <summary>Writes a file under the folder (folders created as needed) and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Lints the inputs with every rule and the default settings, within <see cref="Budget"/>.</summary>
    public LintResult Lint(params InputSource[] inputs)
    {
        using var budget = new CancellationTokenSource(Budget);
        var (setup, _) = LintSetup.Prepare(new LintOptions { WorkingDirectory = Folder }, BuiltInRules.Catalog);
        return LintEngine.Run(setup.Request(inputs) with { Cancellation = budget.Token });
    }

    /// <summary>Runs the kubelint command in the folder, as a user would, with <paramref name="stdin"/> as standard input.</summary>
    public (int ExitCode, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = KubelintCommand.Run(args, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin)), stdout, stderr, Folder, new Terminal(IsTerminal: false, NoColor: null));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
