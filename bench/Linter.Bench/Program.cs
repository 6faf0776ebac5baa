using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Linter.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Linter.Bench.LintBenchmarks).Assembly).Run(args);
