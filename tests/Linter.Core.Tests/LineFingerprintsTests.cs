using Linter.Core.Output.Sarif;

namespace Linter.Core.Tests;

/// <summary>Test vectors produced by GitHub's upload action algorithm (github/codeql-action src/fingerprints.ts).</summary>
public sealed class LineFingerprintsTests
{
    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\n", "31f28584b7a33cb9:1", "87f56b8eb870960e:1", "c129715d7a2bc9a3:1")]
    [InlineData("a: 1\r\nb:\t2\r\n\r\na: 1\r\n", "ef6793539483bab5:1", "99aaf94f042741bf:1", "fa9a9672426c3547:1", "4037987d9a8320d9:1", "c129715d7a2bc9a3:1")]
    [InlineData("\uFEFFkind: Pod\nspec: {}\n", "e8d05e1a6c934da2:1", "a76d08d73aea7fa6:1", "c129715d7a2bc9a3:1")]
    public void Hashes_match_githubs_upload_action(string text, params string[] expected)
    {
        var hashes = LineFingerprints.Compute(text);
        Assert.Equal(expected, Enumerable.Range(1, expected.Length).Select(line => hashes[line]));
    }

    [Fact]
    public void Only_the_first_hundred_characters_of_a_line_count()
    {
        var hashes = LineFingerprints.Compute(new string('x', 150) + "\ny\n");
        Assert.Equal("52b56201ffb58620:1", hashes[1]);
        Assert.Equal("c33be7e0cf7c3ca:1", hashes[2]);
    }

    [Fact]
    public void Wanted_lines_get_the_hashes_a_whole_file_run_gives_them()
    {
        // 150 equal lines: windows of the same 100 characters repeat, so the occurrence counts grow.
        var text = string.Concat(Enumerable.Repeat("a: 1\n", 150));
        var all = LineFingerprints.Compute(text);
        var some = LineFingerprints.Compute(text, new HashSet<int> { 1, 2, 149 });

        Assert.Equal([1, 2, 149], some.Keys.Order());
        Assert.Equal(all[1], some[1]);
        Assert.Equal(all[2], some[2]);
        Assert.Equal(all[149], some[149]);
        Assert.EndsWith(":2", all[2]);
    }

    [Fact]
    public void A_byte_order_mark_read_off_the_text_is_hashed_as_if_in_it()
    {
        var hashes = LineFingerprints.Compute("kind: Pod\nspec: {}\n", byteOrderMark: true);
        Assert.Equal(["e8d05e1a6c934da2:1", "a76d08d73aea7fa6:1", "c129715d7a2bc9a3:1"], Enumerable.Range(1, 3).Select(line => hashes[line]));
    }

    [Fact]
    public void Each_file_counts_its_hashes_from_one()
    {
        var text = string.Concat(Enumerable.Repeat("a: 1\n", 150));
        var first = LineFingerprints.Compute(text);
        var again = LineFingerprints.Compute(text);
        Assert.Equal(first, again);
    }
}
