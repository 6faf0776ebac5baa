using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Tests;

/// <summary>Label pairs, numbers and ports keep their scalars as values: the nodes they give back are the ones read.</summary>
public sealed class KeptScalarTests
{
    private static readonly ScalarNode Key = new(new SourceSpan("app.yaml", 4, 5, 4, 8), "app", ScalarKind.String, isQuoted: false);
    private static readonly ScalarNode Text = new(new SourceSpan("app.yaml", 4, 10, 4, 15), "web", ScalarKind.String, isQuoted: true);
    private static readonly ScalarNode Number = new(new SourceSpan("app.yaml", 9, 21, 9, 25), "8080", ScalarKind.Int, isQuoted: false);

    [Fact]
    public void A_pair_gives_back_its_key_and_value_as_read()
    {
        var pair = new StringPair(Key, Text);
        AssertSame(Key, pair.Key);
        AssertSame(Text, pair.Value);
        Assert.Equal(("app", "web"), (pair.KeyText, pair.ValueText));
        Assert.Equal((Key.Span, Text.Span), (pair.KeySpan, pair.ValueSpan));
        var (key, value) = pair;
        AssertSame(Key, key);
        AssertSame(Text, value);
    }

    [Fact]
    public void A_number_and_a_port_give_back_the_scalar_they_were_written_as()
    {
        var number = new IntField(8080, Number);
        Assert.Equal(8080, number.Value);
        AssertSame(Number, number.Node);
        Assert.Equal(Number.Span, number.Span);

        var named = new PortRef(null, "web", Text);
        Assert.Equal((null, "web"), (named.Number, named.Name));
        AssertSame(Text, named.Node);
        Assert.Equal(Text.Span, named.Span);
        Assert.Equal("web", named.ToString());
    }

    [Fact]
    public void Pairs_are_equal_when_read_from_the_same_scalars_and_differ_by_position()
    {
        Assert.Equal(new StringPair(Key, Text), new StringPair(Key, Text));
        var elsewhere = new ScalarNode(Text.Span with { Line = 5, EndLine = 5 }, "web", ScalarKind.String, isQuoted: true);
        Assert.NotEqual(new StringPair(Key, Text), new StringPair(Key, elsewhere));
        Assert.NotEqual(new IntField(8080, Number), new IntField(8081, Number));
    }

    [Fact]
    public void A_default_holder_has_no_scalars_as_before_they_were_kept_as_values()
    {
        // What FirstOrDefault gives when nothing matches: callers test the node for null.
        var none = new[] { new StringPair(Key, Text) }.FirstOrDefault(p => p.KeyText == "tier");
        Assert.Null(none.Key);
        Assert.Null(none.Value);
        Assert.Null(none.ValueText);
        Assert.Null(default(IntField).Node);
        Assert.Null(default(PortRef).Node);
    }

    [Fact]
    public void Bound_objects_give_back_the_scalars_of_their_names_keys_and_ports_as_written()
    {
        const string Yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n" +
            "  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: app\n          ports:\n            - name: http\n              containerPort: 8080\n";
        var file = ManifestLoader.Parse("d.yaml", Yaml);
        var workload = (WorkloadObject)ObjectBinder.Bind(Assert.Single(file.Documents), "default", []);
        Assert.Equal(("web", new SourceSpan("d.yaml", 4, 9, 4, 12)), (workload.NameNode!.Value, workload.NameNode.Span));
        Assert.Equal(workload.NameNode.Span, workload.NameSpan);
        Assert.Equal(("apps/v1", 1), (workload.ApiVersionNode!.Value, workload.ApiVersionNode.Span.Line));
        Assert.Equal(("spec", 5), (workload.SpecKey!.Value, workload.SpecKey.Span.Line));
        Assert.Equal(("selector", 6), (workload.SelectorKey!.Value, workload.SelectorKey.Span.Line));
        var container = Assert.Single(workload.Template!.Spec.Containers);
        Assert.Equal(("app", 13), (container.Name, container.NameNode!.Span.Line));
        var port = Assert.Single(container.Ports);
        Assert.Equal(("http", new SourceSpan("d.yaml", 15, 21, 15, 25)), (port.Name, port.NameNode!.Span));
        Assert.Equal((8080, 16), (port.Number!.Value.Value, port.Number.Value.Span.Line));
    }

    [Fact]
    public void An_object_without_a_name_has_no_name_node_and_points_at_its_metadata()
    {
        var file = ManifestLoader.Parse("n.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  labels: {a: b}\nspec:\n  ports:\n    - port: 80\n");
        var service = (ServiceObject)ObjectBinder.Bind(Assert.Single(file.Documents), "default", []);
        Assert.Null(service.NameNode);
        Assert.Equal(3, service.NameSpan.Line);
        Assert.Null(service.SelectorKey);
        Assert.Null(Assert.Single(service.Ports).NameNode);
        Assert.Null(service.Ports[0].Name);
        Assert.Contains("no metadata.name", service.ToString());
    }

    private static void AssertSame(ScalarNode expected, ScalarNode actual) =>
        Assert.Equal((expected.Span, expected.Value, expected.Kind, expected.IsQuoted), (actual.Span, actual.Value, actual.Kind, actual.IsQuoted));
}
