using Linter.Core.Loading;

namespace Linter.Core.Tests;

public sealed class YamlReaderTests
{
    private static MappingNode ReadOne(string text)
    {
        var result = YamlReader.Read("f.yaml", text);
        Assert.Empty(result.Problems);
        return Assert.IsType<MappingNode>(Assert.Single(result.Documents));
    }

    [Fact]
    public void Scalars_keep_exact_spans_with_an_exclusive_end_column()
    {
        var root = ReadOne("a: 1\nspec:\n  name: \"web\"\n");
        var name = Assert.IsType<ScalarNode>(((MappingNode)root["spec"]!)["name"]);
        Assert.Equal(new SourceSpan("f.yaml", 3, 9, 3, 14), name.Span);
        Assert.Equal(new SourceSpan("f.yaml", 3, 3, 3, 7), ((MappingNode)root["spec"]!).KeyNode("name")!.Span);
    }

    [Fact]
    public void Crlf_line_endings_give_the_same_lines_and_columns()
    {
        var lf = ReadOne("a:\n  b: value\n");
        var crlf = ReadOne("a:\r\n  b: value\r\n");
        Assert.Equal(((MappingNode)lf["a"]!)["b"]!.Span, ((MappingNode)crlf["a"]!)["b"]!.Span);
    }

    [Theory]
    [InlineData("80", ScalarKind.Int)]
    [InlineData("0x50", ScalarKind.Int)]
    [InlineData("\"80\"", ScalarKind.String)]
    [InlineData("yes", ScalarKind.Bool)]
    [InlineData("on", ScalarKind.Bool)]
    [InlineData("True", ScalarKind.Bool)]
    [InlineData("1.5", ScalarKind.Float)]
    [InlineData("~", ScalarKind.Null)]
    [InlineData("", ScalarKind.Null)]
    [InlineData("v1", ScalarKind.String)]
    [InlineData("!!str 80", ScalarKind.String)]
    [InlineData("'true'", ScalarKind.String)]
    public void Scalars_resolve_as_kubernetes_yaml_decoder_does(string yaml, ScalarKind expected)
    {
        var root = ReadOne($"v: {yaml}\n");
        Assert.Equal(expected, Assert.IsType<ScalarNode>(root["v"]).Kind);
    }

    [Fact]
    public void Aliases_resolve_to_the_anchored_node()
    {
        var root = ReadOne("a: &labels\n  app: web\nb: *labels\n");
        Assert.Same(root["a"], root["b"]);
    }

    [Fact]
    public void Merge_keys_merge_mappings_and_explicit_keys_win()
    {
        var root = ReadOne("base: &base\n  app: web\n  tier: front\nderived:\n  <<: *base\n  tier: back\n");
        var derived = (MappingNode)root["derived"]!;
        Assert.Equal("web", ((ScalarNode)derived["app"]!).Value);
        Assert.Equal("back", ((ScalarNode)derived["tier"]!).Value);
        Assert.Null(derived["<<"]);
    }

    [Fact]
    public void A_list_of_merged_mappings_gives_precedence_to_the_first()
    {
        var root = ReadOne("a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n");
        var c = (MappingNode)root["c"]!;
        Assert.Equal("1", ((ScalarNode)c["x"]!).Value);
        Assert.Equal("2", ((ScalarNode)c["y"]!).Value);
    }

    [Fact]
    public void Quoted_merge_key_is_an_ordinary_key()
    {
        var root = ReadOne("\"<<\": value\n");
        Assert.Equal("value", ((ScalarNode)root["<<"]!).Value);
    }

    [Fact]
    public void Multi_document_streams_give_one_root_per_document()
    {
        var result = YamlReader.Read("f.yaml", "a: 1\n---\nb: 2\n---\n");
        Assert.Equal(3, result.Documents.Count);
        Assert.True(Assert.IsType<ScalarNode>(result.Documents[2]).IsNull);
    }

    [Fact]
    public void Json_parses_with_positions()
    {
        var root = ReadOne("{\n  \"kind\": \"Service\",\n  \"spec\": {\"ports\": [{\"port\": 80}]}\n}\n");
        var port = ((MappingNode)((SequenceNode)((MappingNode)root["spec"]!)["ports"]!).Items[0])["port"]!;
        Assert.Equal(3, port.Span.Line);
        Assert.Equal(ScalarKind.Int, ((ScalarNode)port).Kind);
    }

    [Fact]
    public void A_syntax_error_is_reported_at_the_problem_position()
    {
        var result = YamlReader.Read("f.yaml", "a:\n  b: 1\n c: 2\n");
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.Unparseable, problem.Kind);
        Assert.Equal(3, problem.Span.Line);
        Assert.False(result.Complete);
    }

    [Fact]
    public void A_comment_line_after_an_empty_flow_list_in_a_nested_mapping_is_valid()
    {
        // YamlDotNet 18.1.0 rejects this ("did not find expected key" at the comment); 16.3.0 reads it.
        var root = ReadOne("a:\n  e: []\n  # f\n  s: []\n");
        Assert.Equal(["e", "s"], ((MappingNode)root["a"]!).Entries.Select(e => e.Key.Value));
    }

    [Fact]
    public void Duplicate_keys_are_reported_on_the_later_key()
    {
        var result = YamlReader.Read("f.yaml", "a: 1\nb: 2\na: 3\n");
        var problem = Assert.Single(result.Problems);
        Assert.Equal(new SourceSpan("f.yaml", 3, 1, 3, 2), problem.Span);
        Assert.Contains("first defined on line 1", problem.Message);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_a_problem_not_a_crash()
    {
        var depth = YamlReader.MaxDepth + 50;
        var text = new string('[', depth) + new string(']', depth);
        var result = YamlReader.Read("f.yaml", text);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("nesting deeper", problem.Message);
    }

    [Fact]
    public void Unknown_alias_is_a_problem()
    {
        var result = YamlReader.Read("f.yaml", "a: *nowhere\n");
        Assert.Contains("unknown anchor", Assert.Single(result.Problems).Message);
    }
}
