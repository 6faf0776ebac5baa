using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Linter.Bench -- --filter '*'
// dotnet run -c Release --project bench/Linter.Bench -- corpus <folder> [namespaces] [apps] [seed] [entry,policies]: writes
// the synthetic input (with `entry`: Ingresses, a Gateway and HTTPRoutes too; with `policies`: NetworkPolicies) and prints
// the injected mistakes (rule, path, line).
// dotnet run -c Release --project bench/Linter.Bench -- parse <folder>: the parse-only baseline (YamlDotNet's YamlStream.Load
// of every *.yaml file on one thread); prints "files N documents N seconds S".
if (args is ["corpus", var folder, ..])
{
    bool Extra(string name) => args.Length > 5 && args[5].Split(',').Contains(name);
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    var cluster = Linter.Bench.SyntheticCorpus.Generate(Arg(2, 10), Arg(3, 20), Arg(4, 1), trafficEntry: Extra("entry"), networkPolicies: Extra("policies"));
    foreach (var (path, text) in cluster.Files)
    {
        var full = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    foreach (var mistake in cluster.Mistakes)
    {
        Console.WriteLine(mistake);
    }

    return;
}

if (args is ["parse", var parseFolder])
{
    var (files, documents, elapsed) = Linter.Bench.ParseBaseline.Run(parseFolder);
    Console.WriteLine(FormattableString.Invariant($"files {files} documents {documents} seconds {elapsed.TotalSeconds:F3}"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Linter.Bench.LintBenchmarks).Assembly).Run(args);
