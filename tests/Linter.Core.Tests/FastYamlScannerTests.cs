using Linter.Core.Loading;

namespace Linter.Core.Tests;

/// <summary>
/// The fast front end (<see cref="FastYamlScanner"/>) against YamlDotNet's: whenever it accepts a text, its result is
/// YamlDotNet's node for node (values, kinds, quoting, spans, comments, problems); and it accepts most real manifests.
/// </summary>
public sealed class FastYamlScannerTests
{
    private static readonly string Root = RepositoryRoot.Path;

    /// <summary>Null when the fast scanner gives up; otherwise its result, which must be YamlDotNet's.</summary>
    internal static bool? Agrees(string text, out string? difference)
    {
        difference = null;
        var fast = FastYamlScanner.TryRead("f.yaml", text);
        if (fast is null)
        {
            return null;
        }

        difference = ReaderResults.Difference(YamlReader.ReadWithYamlDotNet("f.yaml", text), fast);
        return difference is null;
    }

    private static IEnumerable<string> YamlFiles(params string[] folders) =>
        folders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>Every file: the fast result, when there is one, is YamlDotNet's; returns the share accepted.</summary>
    private static double CheckAll(IEnumerable<(string Name, string Text)> inputs)
    {
        var accepted = 0;
        var total = 0;
        var wrong = new List<string>();
        foreach (var (name, text) in inputs)
        {
            total++;
            var agrees = Agrees(text.TrimStart('\uFEFF'), out var difference);
            accepted += agrees is null ? 0 : 1;
            if (agrees == false)
            {
                wrong.Add($"{name}: {difference}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(20)));
        return total == 0 ? 1 : (double)accepted / total;
    }

    private static IEnumerable<(string, string)> Read(IEnumerable<string> files) => files.Select(f => (f, File.ReadAllText(f)));

    [Fact]
    public void Agrees_with_YamlDotNet_on_the_repository_fixtures_and_examples_and_accepts_most_of_them()
    {
        var rules = Directory.EnumerateDirectories(Path.Combine(Root, "rules"), "fixtures", SearchOption.AllDirectories).ToArray();
        var share = CheckAll(Read(YamlFiles([.. rules, Path.Combine(Root, "examples")])));
        Assert.True(share >= 0.9, $"the fast scanner accepted only {share:P1} of the fixtures and examples");
    }

    [Fact]
    public void Agrees_with_YamlDotNet_on_the_test_inputs()
    {
        CheckAll(Read(YamlFiles(Path.Combine(Root, "tests"))));
    }

    /// <summary>The shared scenarios and corpora of real manifests, where they are checked out beside the repository.</summary>
    [Fact]
    public void Agrees_with_YamlDotNet_on_the_shared_scenarios_and_corpora()
    {
        var shared = Path.Combine(Root, "..", "shared");
        var share = CheckAll(Read(YamlFiles(Path.Combine(shared, "scenarios"), Path.Combine(shared, "corpora"))));
        Assert.True(share >= 0.5, $"the fast scanner accepted only {share:P1} of the shared manifests");
    }

    [Fact]
    public void Agrees_with_YamlDotNet_on_the_generated_corpus_and_accepts_all_of_it()
    {
        var corpus = Linter.Bench.SyntheticCorpus.Generate(12, 6, seed: 3, trafficEntry: true, networkPolicies: true).Files;
        Assert.Equal(1.0, CheckAll(corpus.Select(f => (f.Path, f.Text))));
    }
}
