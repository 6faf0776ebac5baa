namespace Linter.Core.Tests;

/// <summary>The label index answers equality selectors per namespace and across the others, in a fixed order.</summary>
public sealed class LabelIndexTests
{
    private static string Deployment(string name, string ns, string labels) =>
        $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}, namespace: {ns}}}\nspec:\n  selector: {{matchLabels: {labels}}}\n" +
        $"  template:\n    metadata: {{labels: {labels}}}\n    spec: {{containers: [{{name: c, image: nginx}}]}}\n---\n";

    private static readonly string Input =
        Deployment("web", "zeta", "{app: web, tier: front}") +
        Deployment("web", "alpha", "{app: web, tier: front}") +
        Deployment("api", "alpha", "{app: api, tier: front}") +
        Deployment("web2", "alpha", "{app: web, tier: back}") +
        Deployment("web", "shop", "{app: web, tier: front}");

    private static List<KeyValuePair<string, string>> Pairs(params string[] pairs) =>
        pairs.Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1])).ToList();

    [Fact]
    public void Select_gives_the_templates_of_the_namespace_carrying_every_pair_in_input_order()
    {
        var labels = Cluster.From(Input).Labels;
        Assert.Equal(["web", "web2"], labels.Select("alpha", Pairs("app=web")).Select(t => t.Owner.Name));
        Assert.Equal(["web"], labels.Select("alpha", Pairs("app=web", "tier=front")).Select(t => t.Owner.Name));
        Assert.Empty(labels.Select("alpha", Pairs("app=web", "tier=middle")));
        Assert.Empty(labels.Select("nowhere", Pairs("app=web")));
        Assert.Equal(3, labels.Select("alpha", Pairs("pod-template-hash=abc")).Count);
    }

    [Theory]
    [InlineData("beta", "a {app: api, tier: front}|b {app: web, tier: front}|c {app: web, tier: back}|d {app: web, tier: front}|e {app: web, tier: back}", "b,d")]
    [InlineData("gamma", "f {app: web, tier: front}|g {app: web, tier: front}|h {app: api, tier: front}|i {app: web, tier: front}|j {app: web, tier: back}|k {app: web, tier: back}", "f,g,i")]
    [InlineData("delta", "m {app: web, tier: front}|q {app: web, tier: front}|o {app: web, tier: back}|p {app: api, tier: back}", "m,q")]
    public void Select_keeps_only_the_templates_of_the_smallest_set_that_carry_every_pair_wherever_the_others_are(string ns, string templates, string expected)
    {
        // The smallest set is tier=front's (beta, gamma) or app=web's (delta); a template without the other pair comes first, in the middle or last.
        var input = string.Concat(templates.Split('|').Select(t => Deployment(t[..1], ns, t[2..])));

        var selected = Cluster.From(input).Labels.Select(ns, Pairs("app=web", "tier=front"));

        Assert.Equal(expected.Split(','), selected.Select(t => t.Owner.Name));
    }

    [Fact]
    public void SelectElsewhere_gives_the_other_namespaces_matches_sorted_by_namespace_then_input_order()
    {
        var labels = Cluster.From(Input).Labels;
        Assert.Equal(["alpha/web", "zeta/web"],
            labels.SelectElsewhere("shop", Pairs("app=web", "tier=front")).Select(t => $"{t.Namespace}/{t.Owner.Name}"));
        Assert.Equal(["alpha/web", "alpha/web2", "shop/web"],
            labels.SelectElsewhere("zeta", Pairs("app=web")).Select(t => $"{t.Namespace}/{t.Owner.Name}"));
        Assert.Empty(labels.SelectElsewhere("shop", Pairs("app=none")));
        // A selector on a label only the controller knows counts no pair: every other template, in the same order.
        Assert.Equal(["alpha/web", "alpha/api", "alpha/web2", "zeta/web"],
            labels.SelectElsewhere("shop", Pairs("pod-template-hash=abc")).Select(t => $"{t.Namespace}/{t.Owner.Name}"));
        Assert.Equal(["alpha", "shop", "zeta"], labels.Namespaces);
    }
}
