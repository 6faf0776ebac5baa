using Linter.Core.Loading;

namespace Linter.Core.Tests;

public sealed class ScalarNodeTests
{
    /// <summary>The last column of a line as long as the largest file kubelint reads.</summary>
    private const int LastColumnOfLargestFile = LoadLimits.MaxFileBytes + 1;

    public static TheoryData<ScalarKind, bool> KindsAndQuoting()
    {
        var data = new TheoryData<ScalarKind, bool>();
        foreach (var kind in Enum.GetValues<ScalarKind>())
        {
            data.Add(kind, false);
            data.Add(kind, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndQuoting))]
    public void A_scalar_keeps_its_span_kind_and_quoting(ScalarKind kind, bool quoted)
    {
        var span = new SourceSpan("deploy/app.yaml", 123_456, 7, 123_457, LastColumnOfLargestFile);
        var scalar = new ScalarNode(span, "value", kind, quoted);
        Assert.Equal(span, scalar.Span);
        Assert.Equal(kind, scalar.Kind);
        Assert.Equal(quoted, scalar.IsQuoted);
        Assert.Equal("value", scalar.Value);
    }

    [Fact]
    public void An_end_column_past_any_file_kubelint_reads_is_refused()
    {
        var span = new SourceSpan("a.yaml", 1, 1, 1, 1 << 27);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScalarNode(span, "x", ScalarKind.String, isQuoted: true));
    }
}
