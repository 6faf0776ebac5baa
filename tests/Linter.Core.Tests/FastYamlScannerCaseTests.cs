using Linter.Core.Loading;

namespace Linter.Core.Tests;

/// <summary>Each construct of the fast scanner's subset, read as YamlDotNet reads it, and each thing it leaves to YamlDotNet.</summary>
public sealed class FastYamlScannerCaseTests
{
    [Theory]
    [InlineData("a: 1\n")]
    [InlineData("a: 1 # c\nb: 'x'\nc: \"y\"\n#\n#   spaced  \n")]
    [InlineData("a:\n  b:\n    c: d\n  e: f\ng: h\n")]
    [InlineData("a:\n- x\n- y\nb: 1\n")]
    [InlineData("a:\n  - x\n  -\n  - - y\n    - z\n")]
    [InlineData("- a: 1\n  b: 2\n- c\n-\n- - x\n  - y\n")]
    [InlineData("a:\nb: 1\nc:   \nd: # c\n")]
    [InlineData("  a: 1\n  b:\n    - x\n")]
    [InlineData("a:\n\n  # inside\n  b: 1\n\n# after\n")]
    [InlineData("a: |\n  l1\n\n  l2\nb: >-\n  f1\n  f2\n\n  f3\nc: |+\n  k\n\n\nd: 1\n")]
    [InlineData("a: >\n  x\n    more\n  y\n\n  z\nb: >+\n  w\n\n")]
    [InlineData("a: |2\n    x\n   y\nb: |-1\n  z\nc: >2-\n   w\n")]
    [InlineData("a: |\n  x")]
    [InlineData("a: |\nb: 1\n")]
    [InlineData("a: | # c\n  x\n  # content\n# comment\n")]
    [InlineData("s:\n- |\n  x\n- >\n  y\nk:\n- |\n x\n")]
    [InlineData("a: |\n  tab\there\n")]
    [InlineData("a: [x, \"y\", 1]\nb: {}\nc: []\nd: {k: v, \"q\": 2}\ne: {a: {b: [1, {c: d}]}}\nf: [ a , 'b' ] # c\ng: [postgres:16]\n")]
    [InlineData("# only a comment\n")]
    [InlineData("")]
    [InlineData("a: 1\n---\n")]
    [InlineData("a: 1\n---")]
    [InlineData("---\n---\na: 1\n...\n---\nb: 2\n...\n")]
    [InlineData("--- # c\na: 1\n--- \nb: 1\n")]
    [InlineData("a: \"esc \\\" \\\\ \\/ \\n \\t \\x41 \\u00e9 \\0\"\nb: 'it''s'\nc: \"\"\nd: ''\n")]
    [InlineData("a: yes\nb: 0x1F\nc: 1.5\nd: ~\ne: null\nf: 012\ng: .inf\nh: -1\ni: --x\nj: 1_000\n")]
    [InlineData("a: b#c\nd: e #f\ng: http://x:80/y\nh: a :b\n")]
    [InlineData("'k': v\n\"k2\": v\nkey with spaces: v\n\"\": empty key\n")]
    [InlineData("a: \"{{ .Values.x }}\"\nb: '{{ y }}'\nc: |\n  {{ z }}\n")]
    [InlineData("plain root\n")]
    [InlineData("- a\n# c\n- b # d\n")]
    [InlineData("a: ü ñ 日本\n")]
    public void Accepts_the_subset_and_reads_it_as_YamlDotNet_does(string text)
    {
        Assert.True(FastYamlScannerTests.Agrees(text, out var difference) is true, difference ?? "the fast scanner gave up");
    }

    [Theory]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("? a\n: b\n")]
    [InlineData("a: b\n  c\n")]
    [InlineData("a: \"b\n  c\"\n")]
    [InlineData("%YAML 1.1\n---\na: 1\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("<<: {a: 1}\nb: 2\n")]
    [InlineData("a:\n\tb: 1\n")]
    [InlineData("a: b\tc\n")]
    [InlineData("a: b\r\nc: d\r\n")]
    [InlineData("a: [b,\n c]\n")]
    [InlineData("a: [b, ]\n")]
    [InlineData("a: [x: 1]\n")]
    [InlineData("a: {b: }\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: \"\\U0001F600\"\n")]
    [InlineData("a: |\n  x\n   \n  y\n")]
    [InlineData("a: {{ .Values.x }}\n")]
    [InlineData("a: 1\n b: 2\n")]
    [InlineData("a: \"x\"#c\n")]
    [InlineData("x #c\n---\ny\n")]
    [InlineData("[a]: b\n")]
    [InlineData("a: 1\n...\nb: 2\n")]
    [InlineData("a: - b\n")]
    [InlineData("a: \u0085\n")]
    public void Gives_up_on_what_is_outside_the_subset(string text)
    {
        Assert.Null(FastYamlScanner.TryRead("f.yaml", text));
        Assert.Null(ReaderResults.Difference(YamlReader.ReadWithYamlDotNet("f.yaml", text), YamlReader.Read("f.yaml", text)));
    }

    [Theory]
    [InlineData('\r')]
    [InlineData('\x01')]
    [InlineData('\x7F')]
    [InlineData('\x85')]
    [InlineData('\x9F')]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    [InlineData('\uD800')]
    [InlineData('\uFEFF')]
    public void Gives_up_on_a_special_character_wherever_it_is(char special)
    {
        // Plain text is skipped in blocks of eight characters: the character is tried at every place of two blocks and the tail.
        for (var at = 0; at < 20; at++)
        {
            var text = "k: " + new string('x', at) + special + "y\n";
            Assert.True(FastYamlScanner.TryRead("f.yaml", text) is null, $"accepted {(int)special:X4} at {at + 3}");
        }
    }

    [Fact]
    public void Reads_other_characters_wherever_they_are()
    {
        for (var at = 0; at < 20; at++)
        {
            var text = "k: " + new string('x', at) + "\u00e9y\n";
            Assert.True(FastYamlScannerTests.Agrees(text, out var difference) is true, difference ?? $"gave up with é at {at + 3}");
        }
    }

    [Fact]
    public void Shares_repeated_strings_among_thousands_of_distinct_ones()
    {
        // The table grows many times over: a value read again after that is still the string of its first reading.
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => $"k{i}: v{i}\n")) + "again: v7\n";
        var root = (MappingNode)FastYamlScanner.TryRead("f.yaml", text)!.Documents[0];
        Assert.Same(((ScalarNode)root["k7"]!).Value, ((ScalarNode)root["again"]!).Value);
        Assert.Equal("v2999", ((ScalarNode)root["k2999"]!).Value);
    }

    [Fact]
    public void Gives_up_past_its_nesting_depth()
    {
        var text = string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', i * 2) + "k:\n")) + new string(' ', 80) + "v: 1\n";
        Assert.Null(FastYamlScanner.TryRead("f.yaml", text));
        Assert.Equal(41, Depth(YamlReader.Read("f.yaml", text).Documents[0]));
    }

    [Fact]
    public void Shares_one_string_per_repeated_key_and_short_value()
    {
        var result = FastYamlScanner.TryRead("f.yaml", "a: {name: web}\nb: {name: web}\n")!;
        var root = (MappingNode)result.Documents[0];
        var first = ((MappingNode)root["a"]!).Entries[0];
        var second = ((MappingNode)root["b"]!).Entries[0];
        Assert.Same(first.Key.Value, second.Key.Value);
        Assert.Same(((ScalarNode)first.Value).Value, ((ScalarNode)second.Value).Value);
    }

    private static int Depth(Node node) => node is MappingNode map ? 1 + map.Entries.Max(e => Depth(e.Value)) : 0;
}
