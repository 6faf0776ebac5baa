using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Rules.Input;
using Linter.Rules.Ports;

namespace Linter.Rules.Tests;

/// <summary>Rules whose answer depends on how objects are spread over files and folders.</summary>
public sealed class MultiFileTests
{
    private const string Config = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n";
    private const string NodePort = "apiVersion: v1\nkind: Service\nmetadata:\n  name: NAME\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n    - port: 80\n      nodePort: 30080\n";

    private static IReadOnlyList<string> Lint(Core.Rules.Rule rule, params (string Path, string Text)[] files) =>
        Run(rule, files).Select(f => $"{f.Location.Path}:{f.Location.Line}").ToList();

    private static IReadOnlyList<Core.Rules.Finding> Run(Core.Rules.Rule rule, params (string Path, string Text)[] files) =>
        LintEngine.Run(new LintRequest
        {
            Inputs = files.Select(f => InputSource.FromText(f.Path, f.Text)).ToList(),
            Catalog = BuiltInRules.Catalog,
            Policy = Expectations.Only(rule),
        }).Findings;

    [Fact]
    public void An_identical_copy_in_one_file_is_a_note_and_a_different_one_an_error()
    {
        var identical = Assert.Single(Run(new DuplicateObjectRule(), ("a.yaml", Config + "data: {a: '1', b: x}\n---\n" + Config + "data:\n  b: x\n  a: \"1\"\n")));
        Assert.Equal(Core.Rules.Severity.Note, identical.Severity);
        Assert.Contains("same content", identical.Message);

        var different = Assert.Single(Run(new DuplicateObjectRule(), ("a.yaml", Config + "data: {a: '1'}\n---\n" + Config + "data: {a: 1}\n")));
        Assert.Equal(Core.Rules.Severity.Error, different.Severity);
    }

    [Fact]
    public void Each_copy_in_a_file_is_compared_with_the_first()
    {
        var findings = Run(new DuplicateObjectRule(), ("a.yaml", Config + "data: {a: '1'}\n---\n" + Config + "data: {a: 1}\n---\n" + Config + "data: {a: \"1\"}\n"));
        Assert.Equal([(Core.Rules.Severity.Error, 10), (Core.Rules.Severity.Note, 16)], findings.Select(f => (f.Severity, f.Location.Line)));
    }

    [Fact]
    public void A_file_a_kustomization_names_as_a_patch_gives_no_finding_not_even_of_binding()
    {
        const string Patch = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  replcas: 4\n";
        var request = new LintRequest
        {
            Inputs = [InputSource.FromText("overlay/kustomization.yaml", "resources: [../base]\npatches:\n  - path: replicas.yaml\n"), InputSource.FromText("overlay/replicas.yaml", Patch), InputSource.FromText("other.yaml", Patch)],
            Catalog = BuiltInRules.Catalog,
            Policy = Core.Config.RulePolicy.Default,
        };

        var findings = LintEngine.Run(request).Findings;

        Assert.DoesNotContain(findings, f => f.Location.Path.StartsWith("overlay/", StringComparison.Ordinal));
        Assert.Contains(findings, f => f is { RuleId: "KL004", Location: { Path: "other.yaml", Line: 6 } });
    }

    [Fact]
    public void Copies_of_an_object_in_separate_files_are_alternatives_not_duplicates()
    {
        Assert.Empty(Lint(new DuplicateObjectRule(), ("a.yaml", Config), ("b.yaml", Config)));
        Assert.Equal(["a.yaml:9"], Lint(new DuplicateObjectRule(), ("a.yaml", Config + "---\n" + Config)));
    }

    [Fact]
    public void Node_ports_collide_across_the_whole_input_but_copies_of_one_Service_do_not()
    {
        var a = NodePort.Replace("NAME", "a");
        var b = NodePort.Replace("NAME", "b");
        Assert.Equal(["deploy/b.yaml:10"], Lint(new NodePortCollisionRule(), ("deploy/a.yaml", a), ("deploy/b.yaml", b)));
        Assert.Equal(["prod/b.yaml:10"], Lint(new NodePortCollisionRule(), ("dev/a.yaml", a), ("prod/b.yaml", b)));
        Assert.Empty(Lint(new NodePortCollisionRule(), ("dev/a.yaml", a), ("prod/a.yaml", a)));
    }
}
