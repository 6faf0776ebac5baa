using Linter.Core.Config;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Xunit.Abstractions;

namespace Linter.Rules.Tests;

/// <summary>
/// The API server's own validation test cases for the fields kubelint models (Services, pod DNS and network fields,
/// container ports, labels and workload selectors), written as manifests with the server's verdict in
/// ApiServerParity/*.yaml (where they come from: ApiServerParity/SOURCES.md). Each case is linted alone with every
/// rule on; kubelint "rejects" a case when it makes an error-level finding of a rule that reproduces an API-server
/// check.
/// </summary>
public sealed class ApiServerParityTests(ITestOutputHelper output)
{
    /// <summary>
    /// Rules whose error-level findings say validation refuses the object (RULES.md: KL8xx and the rows it keeps).
    /// KL205 is not one: the node port range is enforced by the allocator after validation, which the test tables
    /// leave out (they accept <c>nodePort: 1</c>).
    /// </summary>
    private static readonly HashSet<string> RejectionRules = new(StringComparer.Ordinal)
    {
        "KL003", "KL006", "KL103", "KL206", "KL208", "KL209", "KL210", "KL213", "KL214", "KL307", "KL308", "KL401",
    };

    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Linter.Rules.Tests", "ApiServerParity");

    [Fact]
    public void Kubelint_agrees_with_the_API_servers_verdict_on_at_least_95_percent_of_its_validation_cases()
    {
        var cases = ParityCase.ReadFolder(Folder);
        Assert.True(cases.Count >= 100, $"only {cases.Count} cases under {Folder}");

        var disagreements = new List<string>();
        foreach (var parityCase in cases)
        {
            var rejections = Rejections(parityCase);
            if (rejections.Count > 0 != parityCase.ServerRejects)
            {
                disagreements.Add(parityCase.ServerRejects
                    ? $"{parityCase}: the server rejects it ({parityCase.Reason}), kubelint accepts it"
                    : $"{parityCase}: the server accepts it, kubelint rejects it: {string.Join("; ", rejections)}");
            }
        }

        var agreement = 1.0 - (double)disagreements.Count / cases.Count;
        output.WriteLine($"{cases.Count} cases ({cases.Count(c => c.ServerRejects)} rejected by the server), agreement {agreement:P1}");
        disagreements.ForEach(output.WriteLine);
        Assert.True(agreement >= 0.95, $"agreement {agreement:P1} on {cases.Count} cases:\n{string.Join("\n", disagreements)}");

        // Precision first: a case the server accepts must never get an error from kubelint.
        Assert.DoesNotContain(disagreements, d => d.Contains("the server accepts it", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_case_is_one_manifest_with_a_verdict()
    {
        foreach (var parityCase in ParityCase.ReadFolder(Folder))
        {
            Assert.False(string.IsNullOrWhiteSpace(parityCase.Name), $"{parityCase.File}:{parityCase.Line} has no case name");
            Assert.Contains("\nkind:", parityCase.Manifest, StringComparison.Ordinal);
        }
    }

    private static List<string> Rejections(ParityCase parityCase)
    {
        var result = LintEngine.Run(new LintRequest
        {
            Inputs = [InputSource.FromText(parityCase.File, parityCase.Manifest)],
            Catalog = BuiltInRules.Catalog,
            Policy = RulePolicy.Default,
            WorkingDirectory = Folder,
        });
        return result.Findings
            .Where(f => f.Severity == Severity.Error && (RejectionRules.Contains(f.RuleId) || f.RuleId.StartsWith("KL8", StringComparison.Ordinal)))
            .Select(f => $"{f.RuleId} {f.Message}")
            .ToList();
    }

    /// <summary>One document of a parity file: <c># case: Test/name: accept</c> or <c># case: Test/name: reject: reason</c>, then the manifest.</summary>
    private sealed record ParityCase(string File, int Line, string Name, bool ServerRejects, string Reason, string Manifest)
    {
        private const string Marker = "# case: ";

        public static List<ParityCase> ReadFolder(string folder) =>
            Directory.GetFiles(folder, "*.yaml").OrderBy(f => f, StringComparer.Ordinal).SelectMany(Read).ToList();

        public override string ToString() => $"{File}:{Line} {Name}";

        private static IEnumerable<ParityCase> Read(string path)
        {
            var file = Path.GetFileName(path);
            var lines = System.IO.File.ReadAllLines(path);
            for (var start = 0; start < lines.Length; start++)
            {
                if (!lines[start].StartsWith(Marker, StringComparison.Ordinal))
                {
                    continue;
                }

                var end = start + 1;
                while (end < lines.Length && lines[end] != "---")
                {
                    end++;
                }

                yield return Parse(file, start + 1, lines[start].Substring(Marker.Length), string.Join("\n", lines, start, end - start) + "\n");
                start = end;
            }
        }

        private static ParityCase Parse(string file, int line, string header, string manifest)
        {
            // "<name>: accept" or "<name>: reject: <reason>"; names may contain ": " themselves, verdicts not.
            var accept = header.LastIndexOf(": accept", StringComparison.Ordinal);
            if (accept >= 0 && accept + ": accept".Length == header.TrimEnd().Length)
            {
                return new ParityCase(file, line, header.Substring(0, accept), false, string.Empty, manifest);
            }

            var reject = header.IndexOf(": reject", StringComparison.Ordinal);
            Assert.True(reject >= 0, $"{file}:{line}: the case line names no verdict (accept or reject)");
            var reason = header.Substring(reject + ": reject".Length).TrimStart(':', ' ');
            return new ParityCase(file, line, header.Substring(0, reject), true, reason, manifest);
        }
    }
}
