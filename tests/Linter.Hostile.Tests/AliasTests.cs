using System.Text;
using Linter.Core.Loading;

namespace Linter.Hostile.Tests;

/// <summary>Aliases and merge keys: no stack overflow, no memory blow-up, merges in linear time.</summary>
public sealed class AliasTests
{
    /// <summary>A ConfigMap whose annotation holds a chain of lists, each the alias of the previous one, <paramref name="depth"/> deep.</summary>
    private static string AliasChain(int depth)
    {
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: chain\nchain:\n  - &a0 [x]\n");
        for (var i = 1; i < depth; i++)
        {
            text.Append("  - &a").Append(i).Append(" [*a").Append(i - 1).Append("]\n");
        }

        return text.ToString();
    }

    [Fact]
    public void A_chain_of_aliases_10k_deep_is_KL001_not_a_stack_overflow()
    {
        using var hostile = new Hostile();
        var chain = hostile.Write("chain.yaml", AliasChain(10_000));
        var good = hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        var result = hostile.Lint(InputSource.FromPath(chain), InputSource.FromPath(good));
        var kl001 = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.Equal("chain.yaml", kl001.Location.Path);
        Assert.Contains($"{LoadLimits.MaxDepth}", kl001.Message);
        Assert.True(kl001.Location.Line > 6);
        Assert.Contains(result.Findings, f => f.RuleId == "KL205");
    }

    [Fact]
    public void A_chain_of_aliases_10k_deep_is_an_input_error_in_resolve()
    {
        using var hostile = new Hostile();
        hostile.Write("chain.yaml", AliasChain(10_000));
        hostile.Write("good.yaml", LoaderCrashTests.NodePort);
        var (code, _, stderr) = hostile.Run(string.Empty, "resolve", ".");
        Assert.Equal(3, code);
        Assert.Contains("chain.yaml", stderr);
    }

    [Fact]
    public void A_billion_laughs_of_lists_is_KL001_alias_expansion_too_large()
    {
        using var hostile = new Hostile();
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append("l").Append(i).Append(": &l").Append(i).Append(" [");
            text.Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10)));
            text.Append("]\n");
        }

        var path = hostile.Write("lol.yaml", text.ToString());
        var result = hostile.Lint(InputSource.FromPath(path));
        var kl001 = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.Contains("alias expansion too large", kl001.Message);
        Assert.Contains(LoadLimits.MaxAliasExpansion.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), kl001.Message);
        Assert.True(kl001.Location.Line >= 5);
    }

    /// <summary>Before merges were indexed this took 37 s (cubic); now the flattening is one lookup per entry. The budget
    /// is loose (machines under load) but far below the cubic time.</summary>
    [Fact]
    public void A_chain_of_2800_merge_keys_is_resolved_quickly_and_correctly()
    {
        using var hostile = new Hostile();
        const int n = 2800;
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: merges\nm:\n  m0: &m0 {k0: v0}\n");
        for (var i = 1; i < n; i++)
        {
            text.Append("  m").Append(i).Append(": &m").Append(i).Append(" {<<: *m").Append(i - 1).Append(", k").Append(i).Append(": v").Append(i).Append("}\n");
        }

        var path = hostile.Write("merges.yaml", text.ToString());
        var read = Guard.Within(() =>
        {
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var file = ManifestLoader.Parse("merges.yaml", File.ReadAllText(path));
            budget.Token.ThrowIfCancellationRequested();
            return file;
        });
        Assert.Empty(read.Problems.Select(p => p.Span + " " + p.Message));
        var last = (MappingNode)((MappingNode)read.Documents[0].Root["m"]!)[$"m{n - 1}"]!;
        Assert.Equal(n, last.Entries.Count);
        Assert.Equal("v0", ((ScalarNode)last["k0"]!).Value);
    }

    [Fact]
    public void Explicit_keys_win_over_merged_ones_and_the_first_merged_mapping_wins()
    {
        var file = ManifestLoader.Parse("m.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\na: &a {k: a, only-a: 1}\nb: &b {k: b, only-b: 2}\nc: {<<: [*a, *b], k: c}\nd: {<<: [*b, *a]}\n");
        Assert.Empty(file.Problems);
        var root = file.Documents[0].Root;
        var c = (MappingNode)root["c"]!;
        Assert.Equal("c", ((ScalarNode)c["k"]!).Value);
        Assert.Equal(3, c.Entries.Count);
        var d = (MappingNode)root["d"]!;
        Assert.Equal("b", ((ScalarNode)d["k"]!).Value);
    }
}
