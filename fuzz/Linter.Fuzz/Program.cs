using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Linter.Core.Config;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Rules;
using SharpFuzz;

namespace Linter.Fuzz;

/// <summary>
/// The fuzzing harness of .ci/fuzz. One input is linted as a manifest file with every rule and the default settings,
/// then read as a <c>.kubelint.yaml</c>; when it is a valid configuration, the manifest is linted again under it. Bad
/// input must become findings or configuration problems: any exception that escapes is a crash.
/// <list type="bullet">
/// <item>no arguments: the input is standard input; under afl-fuzz, SharpFuzz's out-of-process fork server runs it
/// (a stack overflow or a timeout kills only the child, which is restarted).</item>
/// <item><c>FILE...</c>: each file in turn; one that crashes gets a line <c>FILE: crash: EXCEPTION at TOP.FRAME</c>
/// (what .ci/fuzz groups crashes by) and its exception; exit 1 if one does.</item>
/// <item><c>--write-starter-config FILE</c>: writes the starter configuration, a seed of the corpus.</item>
/// </list>
/// </summary>
public static class Program
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("kubelint-fuzz-").FullName;

    public static int Main(string[] args)
    {
        try
        {
            return args switch
            {
                [] => Fuzz(),
                ["--write-starter-config", var path] => WriteStarterConfig(path),
                _ => Replay(args),
            };
        }
        finally
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static int Fuzz()
    {
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Lint(buffer.ToArray());
        });
        return 0;
    }

    private static int WriteStarterConfig(string path)
    {
        File.WriteAllText(path, Starter.Config);
        return 0;
    }

    private static unsafe int Replay(string[] files)
    {
        // Instrumented assemblies record coverage through this pointer, which afl-fuzz's shared memory fills when fuzzing.
        SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(1 << 16);
        var crashed = 0;
        foreach (var file in files)
        {
            try
            {
                Lint(File.ReadAllBytes(file));
                Console.WriteLine($"{file}: ok");
            }
            catch (Exception ex)
            {
                crashed++;
                var top = new StackTrace(ex).GetFrame(0)?.GetMethod();
                Console.WriteLine($"{file}: crash: {ex.GetType().FullName} at {top?.DeclaringType?.FullName}.{top?.Name}");
                Console.WriteLine(ex);
            }
        }

        return crashed == 0 ? 0 : 1;
    }

    /// <summary>What every input goes through; throws what the engine lets escape.</summary>
    private static void Lint(byte[] input)
    {
        var manifest = Path.Combine(Folder, "input.yaml");
        File.WriteAllBytes(manifest, input);
        var inputs = new[] { InputSource.FromPath(manifest) };

        var (defaults, _) = LintSetup.Prepare(new LintOptions { WorkingDirectory = Folder }, BuiltInRules.Catalog);
        LintEngine.Run(defaults.Request(inputs));

        var config = ConfigSource.FromText(Path.Combine(Folder, ".kubelint.yaml"), Encoding.UTF8.GetString(input));
        var (configured, problems) = LintSetup.Prepare(new LintOptions { WorkingDirectory = Folder, Config = config }, BuiltInRules.Catalog);
        if (problems.Count == 0)
        {
            LintEngine.Run(configured.Request(inputs));
        }
    }
}
