using FsCheck;
using FsCheck.Fluent;

namespace Linter.Core.Tests;

/// <summary>
/// The fast YAML scanner against YamlDotNet on generated manifest-like YAML: keys, every quoting style, block scalars
/// (literal and folded, chomping, indentation indicators, blank and more-indented lines), nested and indentless lists,
/// flow collections, comments, empty values and several documents. Wherever the fast scanner accepts a text, its
/// result is YamlDotNet's.
/// </summary>
public sealed class FastYamlScannerPropertyTests
{
    private static readonly string[] Keys =
    [
        "name", "app", "metadata", "spec", "a", "b", "port", "image", "x-y", "key with space", "\"quoted\"", "'single'",
        "app.kubernetes.io/name", "\"\"", "on", "1", "-k", "a#b",
    ];

    /// <summary>Mostly what manifests hold; now and then what the fast scanner must give up on or YamlDotNet rejects.</summary>
    private static readonly Gen<string> Scalars = Gen.Frequency(
        (60, Gen.Elements(
            "web", "1", "0x1F", "yes", "No", "~", "null", "1.5", "-3", "true", "http://x:80/y", "a b  c", "v1.2", "b#c", "012",
            ".inf", "1_000", "postgres:16", "--flag=1", "\"a\\nb\"", "\"x\\ty\\\\z\"", "\"\\u00e9\\x41\"",
            "\"\"", "\"{{ .Values.x }}\"", "\"a \\\"q\\\" b\"", "'it''s'", "''", "'a: b'", "'{{ x }}'", "[a, b]", "[]", "{}",
            "{a: 1, \"b\": [x, y:z]}", "[{name: http, port: 80}, [1, 2]]", "[ 'a' , \"b\" ]")),
        (1, Gen.Elements(
            "-", "a: b", "x #y", "\"\\U0001F600\"", "{{ x }}", "&anchor v", "*alias", "!!str 5", "<<", "'multi", "[a, ]",
            "{a: }", "[a,\n  b]", "a\tb", "\"a\n  b\"", "b\n  continued")));

    private static readonly Gen<string> Comments = Gen.Elements("", "", "", " # c", " #", "   # x: y", " # {{ not }}");

    private static readonly Gen<string> BlockHeaders = Gen.Elements("|", "|-", "|+", ">", ">-", ">+", "|2", ">1-", "|-2", "| # c");

    private static readonly Gen<string> FirstBlockLines = Gen.Elements("line", "a: b", "# not a comment", "{{ x }}", "x\ty");

    private static readonly Gen<string> BlockLines = Gen.Frequency(
        (30, Gen.OneOf(FirstBlockLines, Gen.Elements("", "  more indented"))),
        (1, Gen.Elements("\ttab", "   ")));

    private static string Pad(int indent) => new(' ', indent);

    private static Gen<string> Block(int indent, int step) =>
        from header in BlockHeaders
        from first in Gen.Frequency((9, FirstBlockLines), (1, BlockLines))
        from rest in Gen.ListOf(BlockLines)
        let lines = rest.Prepend(first)
        from trailing in Gen.Elements("", "\n", "\n\n")
        select $" {header}\n" + string.Concat(lines.Select(l => l.Length == 0 ? "\n" : Pad(indent + step) + l + "\n")) + trailing;

    /// <summary>A value after <c>key:</c> (starting with the rest of that line) whose block lines are indented past <paramref name="indent"/>.</summary>
    private static Gen<string> Value(int indent, int step, int depth) =>
        Gen.Frequency(
            (6, from s in Scalars from c in Comments select $" {s}{c}\n"),
            (1, Gen.Elements(" \n", "\n", " # empty\n")),
            (2, Block(indent, step)),
            (depth > 0 ? 3 : 0, from c in Comments from m in Mapping(indent + step, step, depth - 1) select $"{c}\n{m}"),
            (depth > 0 ? 2 : 0, from c in Comments from indentless in Gen.Elements(true, false) from s in Sequence(indentless ? indent : indent + step, step, depth - 1) select $"{c}\n{s}"));

    private static Gen<string> Interlude(int indent) =>
        Gen.Frequency((8, Gen.Constant(string.Empty)), (1, Gen.Constant("\n")), (1, Gen.Elements(0, indent, indent + 2).Select(at => Pad(at) + "# full line\n")));

    /// <summary>One to four entries with distinct keys (a duplicate key is rare: the fast scanner leaves it to YamlDotNet).</summary>
    private static Gen<string> Mapping(int indent, int step, int depth) =>
        from keys in Gen.Shuffle(Keys)
        from count in Gen.Frequency((20, Gen.Choose(1, 4)), (1, Gen.Constant(Keys.Length + 1)))
        from entries in Gen.CollectToList(Enumerable.Range(0, count), i =>
            from before in Interlude(indent) from value in Value(indent, step, depth) select $"{before}{Pad(indent)}{keys[i % keys.Length]}:{value}")
        select string.Concat(entries);

    /// <summary>Items at <paramref name="indent"/>: scalars, mappings and lists starting on the dash's line, or below it.</summary>
    private static Gen<string> Item(int indent, int step, int depth) =>
        Gen.Frequency(
            (4, from s in Scalars from c in Comments select $"{Pad(indent)}- {s}{c}\n"),
            (1, Gen.Constant($"{Pad(indent)}-\n")),
            (1, Block(indent, step).Select(b => $"{Pad(indent)}-{b}")),
            (depth > 0 ? 3 : 0, Mapping(indent + 2, step, depth - 1).Select(m => $"{Pad(indent)}- {m.Substring(indent + 2)}")),
            (depth > 0 ? 1 : 0, Sequence(indent + 2, step, depth - 1).Select(s => $"{Pad(indent)}- {s.Substring(indent + 2)}")),
            (depth > 0 ? 1 : 0, Mapping(indent + step, step, depth - 1).Select(m => $"{Pad(indent)}-\n{m}")));

    private static Gen<string> Sequence(int indent, int step, int depth) =>
        from items in Gen.ListOf(from before in Interlude(indent) from item in Item(indent, step, depth) select before + item, 1)
            .SelectMany(first => Gen.ListOf(from before in Interlude(indent) from item in Item(indent, step, depth) select before + item).Select(rest => first.Concat(rest)))
        select string.Concat(items);

    internal static readonly Gen<string> Documents =
        from step in Gen.Elements(2, 4)
        from roots in Gen.ListOf(Gen.Frequency((5, Mapping(0, step, 3)), (1, Sequence(0, step, 2)), (1, Scalars.Select(s => s + "\n"))), 1)
            .SelectMany(first => Gen.ListOf(Gen.Frequency((5, Mapping(0, step, 3)), (1, Sequence(0, step, 2)))).Select(rest => first.Concat(rest).ToList()))
        from start in Gen.Elements("", "---\n", "# head\n---\n")
        from separator in Gen.Elements("---\n", "--- # next\n", "...\n---\n")
        from end in Gen.Elements("", "---\n", "...\n", "# tail\n", "---")
        select start + string.Join(separator, roots) + end;

    [Fact]
    public void Wherever_the_fast_scanner_accepts_generated_yaml_it_agrees_with_YamlDotNet()
    {
        var accepted = 0;
        var property = Prop.ForAll(Documents.ToArbitrary(), text =>
        {
            var agrees = FastYamlScannerTests.Agrees(text, out var difference);
            accepted += agrees is null ? 0 : 1;
            return (agrees != false).Label($"{difference}\n--- text:\n{text}");
        });
        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000).WithEndSize(12).WithQuietOnSuccess(true), property);
        // A scanner that always gave up would pass the property: it must accept a fair share of the texts.
        Assert.True(accepted > 300, $"the fast scanner accepted only {accepted} of 3,000 generated texts");
    }
}
