using System.Diagnostics;
using System.Reflection;

namespace Linter.MSBuild.Tests;

public sealed record DotnetRun(int ExitCode, string Output)
{
    public IReadOnlyList<string> Lines => Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}

/// <summary>Runs the dotnet CLI as a user would, in a clean environment.</summary>
public static class Dotnet
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The configuration these tests were built in (the package is packed in the same one, so nothing is rebuilt).</summary>
    public static string Configuration { get; } =
        typeof(Dotnet).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static DotnetRun Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host runs inside `dotnet test`: its MSBuild variables would steer the child build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBuild", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(" ", args)} did not finish in 5 minutes:\n{output}");
        }

        process.WaitForExit();
        lock (gate)
        {
            return new DotnetRun(process.ExitCode, output.ToString());
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Linter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Linter.sln not found above " + AppContext.BaseDirectory);
    }
}
