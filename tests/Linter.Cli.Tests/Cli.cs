using System.Text.Json;

namespace Linter.Cli.Tests;

internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    public IReadOnlyList<string> RuleIds => Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).ToList();
}

internal static class Cli
{
    public static CliRun Run(params string[] args) => RunWithInput(string.Empty, args);

    public static CliRun RunWithInput(string stdin, params string[] args) => RunIn(Root, stdin, args);

    /// <summary>Runs kubelint as if started in <paramref name="workingDirectory"/> with its standard output redirected.</summary>
    public static CliRun RunIn(string workingDirectory, string stdin, params string[] args) =>
        RunOn(new Terminal(IsTerminal: false, NoColor: null), workingDirectory, stdin, args);

    /// <summary>Runs kubelint as if its standard output were connected as <paramref name="terminal"/> says.</summary>
    public static CliRun RunOn(Terminal terminal, string workingDirectory, string stdin, params string[] args) =>
        RunIn(terminal, CiEnvironment.None, workingDirectory, stdin, args);

    /// <summary>Runs kubelint as if in a CI job whose environment says what <paramref name="ci"/> says.</summary>
    public static CliRun RunInCi(CiEnvironment ci, string workingDirectory, params string[] args) =>
        RunIn(new Terminal(IsTerminal: false, NoColor: null), ci, workingDirectory, string.Empty, args);

    private static CliRun RunIn(Terminal terminal, CiEnvironment ci, string workingDirectory, string stdin, string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = KubelintCommand.Run(args, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin)), stdout, stderr, workingDirectory, terminal, ci);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Linter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Linter.sln not found");
    }
}
