using BenchmarkDotNet.Attributes;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Output;
using Linter.Core.Output.Sarif;
using Linter.Core.Simulation;
using Linter.Core.Simulation.Dns;
using Linter.Rules;
using YamlDotNet.RepresentationModel;

namespace Linter.Bench;

/// <summary>
/// The stages of one run taken apart (issue 15), on the generated corpus of 100 namespaces with Ingresses, HTTPRoutes
/// and NetworkPolicies (2,457 files, 4,870 objects): the YAML reader on one file of median size (beside YamlDotNet's
/// representation model on the same text, the yardstick; its two front ends apart), the binder on every document, the label index, the
/// extraction of DNS names and the SARIF writer.
/// <c>dotnet run -c Release --project bench/Linter.Bench -- --filter '*HotPath*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private string _fileText = string.Empty;
    private IReadOnlyList<SourceFile> _files = [];
    private ClusterSnapshot _snapshot = null!;
    private LintResult _result = null!;
    private ReportContext _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = SyntheticCorpus.Generate(100, 20, seed: 1, trafficEntry: true, networkPolicies: true).Files;
        _fileText = corpus.Select(f => f.Text).OrderBy(t => t.Length).ElementAt(corpus.Count / 2);
        _result = LintEngine.Run(new LintRequest
        {
            Inputs = corpus.Select(f => InputSource.FromText(f.Path, f.Text)).ToList(),
            Catalog = BuiltInRules.Catalog,
        });
        _snapshot = _result.Snapshot;
        _files = _result.Files;
        _report = new ReportContext
        {
            ToolVersion = "bench",
            RootDirectory = Directory.GetCurrentDirectory(),
            WorkingDirectory = Directory.GetCurrentDirectory(),
            ExitCode = _result.ExitCode(null),
            Documentation = BuiltInRules.Catalog.Documentation,
        };
    }

    [Benchmark(Baseline = true)]
    public int YamlStreamOneFile()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(_fileText));
        return stream.Documents.Count;
    }

    /// <summary>The reader as the loader calls it: the fast front end, YamlDotNet's only where it gives up.</summary>
    [Benchmark]
    public int YamlReaderOneFile() => YamlReader.Read("bench.yaml", _fileText).Documents.Count;

    /// <summary>The reader's YamlDotNet front end alone (what every file cost before the fast scanner).</summary>
    [Benchmark]
    public int YamlDotNetReaderOneFile() => YamlReader.ReadWithYamlDotNet("bench.yaml", _fileText).Documents.Count;

    /// <summary>The fast front end alone (null, and a failed benchmark, if it gave up on the file).</summary>
    [Benchmark]
    public int FastReaderOneFile() => FastYamlScanner.TryRead("bench.yaml", _fileText)!.Documents.Count;

    /// <summary>The reader plus what the loader adds per file (blank-line normalisation, template markers, documents).</summary>
    [Benchmark]
    public int ParseOneFile() => ManifestLoader.Parse("bench.yaml", _fileText).Documents.Count;

    [Benchmark]
    public int BindAll()
    {
        var problems = new List<InputProblem>();
        var bound = 0;
        foreach (var file in _files)
        {
            foreach (var document in file.Documents)
            {
                bound += ObjectBinder.Bind(document, "default", problems).Name.Length > 0 ? 1 : 0;
            }
        }

        return bound;
    }

    [Benchmark]
    public LabelIndex LabelIndexBuild() => new(_snapshot.PodTemplates);

    /// <summary>Every Service's selector looked up in the snapshot's index, as the resolver does.</summary>
    [Benchmark]
    public int LabelIndexSelect()
    {
        var selected = 0;
        foreach (var service in _snapshot.Services)
        {
            if (service.HasSelector)
            {
                selected += _snapshot.Labels.Select(service.Namespace, service.SelectorPairs).Count;
            }
        }

        return selected;
    }

    [Benchmark]
    public NameReferences DnsNames() => new(_snapshot, _snapshot.Dns);

    [Benchmark]
    public long SarifWriter()
    {
        var output = new StringWriter();
        new SarifReport().Write(_result, output, _report);
        return output.GetStringBuilder().Length;
    }
}
