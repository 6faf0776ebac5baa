using BenchmarkDotNet.Attributes;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Rules;

namespace Linter.Bench;

/// <summary>The whole pipeline (parse, bind, simulate, every rule) on synthetic inputs of growing size.</summary>
[MemoryDiagnoser]
public class LintBenchmarks
{
    private IReadOnlyList<InputSource> _inputs = [];

    [Params(10, 100)]
    public int Namespaces { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _inputs = SyntheticCorpus.Generate(Namespaces, appsPerNamespace: 20).Select(f => InputSource.FromText(f.Path, f.Text)).ToList();

    [Benchmark]
    public int Lint() => LintEngine.Run(new LintRequest { Inputs = _inputs, Catalog = BuiltInRules.Catalog }).Findings.Count;
}
