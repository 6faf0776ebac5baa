using System.CommandLine;
using Linter.Core.Engine;

namespace Linter.Cli;

/// <summary>The run of a command that shows the simulation rather than reports findings (<c>resolve</c>, <c>graph</c>).</summary>
internal static class SimulationRun
{
    /// <summary>
    /// Prepares the setup and runs <paramref name="engine"/> on the command's inputs; problems of files that could not
    /// be read go to standard error. Null, after saying why on standard error, when the setup fails or nothing was linted
    /// (exit 2).
    /// </summary>
    public static LintResult? Run(ParseResult parse, ConfigOptions config, InputOptions input, Stream stdin, TextWriter stderr, string workingDirectory, Func<LintRequest, LintResult> engine)
    {
        var setup = config.Setup(parse, input, workingDirectory, failOn: null, stderr);
        if (setup is null)
        {
            return null;
        }

        var result = engine(setup.Request(input.Inputs(parse, stdin, workingDirectory)) with { OwnsTheProcess = true });
        if (result.NothingLinted is { } why)
        {
            stderr.WriteLine("kubelint: " + why);
            return null;
        }

        foreach (var problem in result.Files.Where(f => f.Failed).SelectMany(f => f.Problems))
        {
            stderr.WriteLine($"kubelint: {problem.Span}: {problem.Message}");
        }

        return result;
    }
}
