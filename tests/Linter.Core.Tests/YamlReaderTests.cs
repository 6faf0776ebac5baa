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

    /// <summary>(line, column, endLine, endColumn): SourceSpan prints only its start, so failures compare these.</summary>
    private static (int, int, int, int) At(int line, int column, int endLine, int endColumn) => (line, column, endLine, endColumn);

    private static (int, int, int, int) Of(Node node) => (node.Span.Line, node.Span.Column, node.Span.EndLine, node.Span.EndColumn);

    [Fact]
    public void A_flow_mapping_ends_after_its_closing_brace()
    {
        var root = ReadOne("env: {USER_NAME}\nlabels: {app: web, tier: front}\n");
        Assert.Equal(At(1, 6, 1, 17), Of(root["env"]!));
        Assert.Equal(At(2, 9, 2, 32), Of(root["labels"]!));
    }

    [Fact]
    public void A_flow_list_ends_after_its_closing_bracket()
    {
        var root = ReadOne("ports: [1, 2]\nargs: [a, b, ]\n");
        Assert.Equal(At(1, 8, 1, 14), Of(root["ports"]!));
        Assert.Equal(At(2, 7, 2, 15), Of(root["args"]!));
    }

    [Fact]
    public void Empty_flow_collections_span_both_brackets()
    {
        var root = ReadOne("a: []\nb: {}\n");
        Assert.Equal(At(1, 4, 1, 6), Of(root["a"]!));
        Assert.Equal(At(2, 4, 2, 6), Of(root["b"]!));
    }

    [Fact]
    public void Nested_flow_collections_each_end_after_their_own_bracket()
    {
        var root = ReadOne("a: {b: [1, {c: d}]}\n");
        var outer = Assert.IsType<MappingNode>(root["a"]);
        var list = Assert.IsType<SequenceNode>(outer["b"]);
        Assert.Equal(At(1, 4, 1, 20), Of(outer));
        Assert.Equal(At(1, 8, 1, 19), Of(list));
        Assert.Equal(At(1, 12, 1, 18), Of(list.Items[1]));
    }

    [Fact]
    public void A_flow_collection_over_several_lines_ends_after_its_bracket_on_the_last_line()
    {
        var root = ReadOne("a: [1,\n  2,\n]\nb: {x: 1,\n  y: 2}\n");
        Assert.Equal(At(1, 4, 3, 2), Of(root["a"]!));
        Assert.Equal(At(4, 4, 5, 8), Of(root["b"]!));
    }

    [Fact]
    public void A_json_document_ends_after_its_closing_brace()
    {
        var root = ReadOne("{\"kind\": \"Service\", \"ports\": [80, 81]}\n");
        Assert.Equal(At(1, 1, 1, 39), Of(root));
        Assert.Equal(At(1, 30, 1, 38), Of(root["ports"]!));
    }

    [Fact]
    public void A_single_pair_in_a_flow_list_spans_its_key_and_value()
    {
        // [a: 1] holds a mapping without braces: it neither starts at the file's start nor takes the comma.
        var root = ReadOne("p: [a: 1, b: 22 ]\n");
        var list = Assert.IsType<SequenceNode>(root["p"]);
        Assert.Equal(At(1, 4, 1, 18), Of(list));
        Assert.Equal(At(1, 5, 1, 9), Of(list.Items[0]));
        Assert.Equal(At(1, 11, 1, 16), Of(list.Items[1]));
    }

    [Fact]
    public void An_unclosed_flow_list_holding_a_pair_is_reported_at_its_bracket()
    {
        var result = YamlReader.Read("f.yaml", "a: [b: 1\nc: 2\n");
        var problem = Assert.Single(result.Problems);
        Assert.Equal(At(1, 4, 1, 5), (problem.Span.Line, problem.Span.Column, problem.Span.EndLine, problem.Span.EndColumn));
        Assert.Contains("flow list ([) is never closed", problem.Message);
    }

    [Fact]
    public void Block_collections_end_with_their_last_value()
    {
        var root = ReadOne("spec:\n  ports:\n  - port: 80\n    name: web\n  type: X\n\n# trailing\n");
        var spec = Assert.IsType<MappingNode>(root["spec"]);
        var ports = Assert.IsType<SequenceNode>(spec["ports"]);
        Assert.Equal(At(1, 1, 5, 10), Of(root));
        Assert.Equal(At(2, 3, 5, 10), Of(spec));
        Assert.Equal(At(3, 3, 4, 14), Of(ports));
        Assert.Equal(At(3, 5, 4, 14), Of(ports.Items[0]));
    }

    [Fact]
    public void A_block_collection_ending_in_a_flow_collection_ends_after_its_bracket()
    {
        var root = ReadOne("spec:\n  selector: {app: web}\n  ports: [80]\n");
        Assert.Equal(At(2, 3, 3, 14), Of(root["spec"]!));
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
    [InlineData("null", ScalarKind.Null)]
    [InlineData("NULL", ScalarKind.Null)]
    [InlineData("N", ScalarKind.Bool)]
    [InlineData("off", ScalarKind.Bool)]
    [InlineData("Y", ScalarKind.Bool)]
    [InlineData("nope", ScalarKind.String)]
    [InlineData("tier", ScalarKind.String)]
    [InlineData("-80", ScalarKind.Int)]
    [InlineData("1_000", ScalarKind.Int)]
    [InlineData("_80", ScalarKind.Int)]
    [InlineData(".5", ScalarKind.Float)]
    [InlineData("+.inf", ScalarKind.Float)]
    [InlineData("3.0.1", ScalarKind.String)]
    [InlineData("example/app:1.0", ScalarKind.String)]
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
