using System.Globalization;
using System.Text;
using Linter.Core.Loading;

namespace Linter.Hostile.Tests;

/// <summary>The documented load limits: each one past its limit is a positioned KL001 that names the limit.</summary>
public sealed class LimitTests
{
    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    [Fact]
    public void More_documents_per_file_than_the_limit_is_KL001()
    {
        using var hostile = new Hostile();
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        for (var i = 0; i < LoadLimits.MaxDocumentsPerFile; i++)
        {
            text.Append("---\n");
        }

        var path = hostile.Write("many.yaml", text.ToString());
        var result = hostile.Lint(InputSource.FromPath(path));
        var kl001 = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.Contains(Number(LoadLimits.MaxDocumentsPerFile), kl001.Message);
        Assert.Equal(LoadLimits.MaxDocumentsPerFile + 3, kl001.Location.Line);
    }

    [Fact]
    public void More_nodes_per_document_than_the_limit_is_KL001()
    {
        using var hostile = new Hostile();
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\nitems: [");
        for (var i = 0; i < LoadLimits.MaxNodesPerDocument; i++)
        {
            text.Append("1,");
        }

        text.Append("1]\n");
        var path = hostile.Write("wide.yaml", text.ToString());
        var result = hostile.Lint(InputSource.FromPath(path));
        var kl001 = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.Contains(Number(LoadLimits.MaxNodesPerDocument), kl001.Message);
        Assert.Equal(4, kl001.Location.Line);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_KL001_naming_it()
    {
        using var hostile = new Hostile();
        var path = hostile.Write("deep.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: " + new string('[', 300) + new string(']', 300) + "\n");
        var result = hostile.Lint(InputSource.FromPath(path));
        var kl001 = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.Contains(LoadLimits.MaxDepth.ToString(CultureInfo.InvariantCulture), kl001.Message);
        Assert.Equal(4, kl001.Location.Line);
    }

    [Fact]
    public void A_file_past_the_size_limit_is_KL001_naming_it()
    {
        using var hostile = new Hostile();
        var path = Path.Combine(hostile.Folder, "big.yaml");
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            file.SetLength(LoadLimits.MaxFileBytes + 1);
        }

        var result = hostile.Lint(InputSource.FromPath(path));
        var kl001 = Assert.Single(result.Findings, f => f.RuleId == "KL001");
        Assert.Contains("64 MiB", kl001.Message);
    }
}
