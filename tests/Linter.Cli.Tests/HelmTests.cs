using System.Text.Json;

namespace Linter.Cli.Tests;

public sealed class HelmTests
{
    /// <summary>What <c>helm template web ./web</c> prints: each document after the template it came from.</summary>
    private const string Rendered = """
        ---
        # Source: web/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: webb
          ports:
            - port: 80
        ---
        # Source: web/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx
                  ports:
                    - containerPort: 80
                      protocol: ICMP

        """;

    private static List<JsonElement> Findings(CliRun run) => run.Json.GetProperty("findings").EnumerateArray().ToList();

    [Fact]
    public void Findings_in_rendered_output_point_at_the_template_helm_names()
    {
        var findings = Findings(Cli.RunWithInput(Rendered, "check", "-", "--format", "json"));

        var selector = findings.Single(f => f.GetProperty("ruleId").GetString() == "KL101");
        Assert.Equal("web/templates/service.yaml", selector.GetProperty("file").GetString());
        Assert.Equal(1, selector.GetProperty("line").GetInt32());
        Assert.Contains("rendered from the template web/templates/service.yaml; in the rendered output at <stdin>:8:", selector.GetProperty("message").GetString());

        var protocol = findings.Single(f => f.GetProperty("ruleId").GetString() == "KL210");
        Assert.Equal("web/templates/deployment.yaml", protocol.GetProperty("file").GetString());
        Assert.Contains("in the rendered output at <stdin>:30:", protocol.GetProperty("message").GetString());
    }

    [Fact]
    public void Documents_before_the_first_source_comment_keep_their_rendered_position()
    {
        var plain = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, protocol: ICMP}]\n";
        var findings = Findings(Cli.RunWithInput(plain + Rendered, "check", "-", "--format", "json"));

        var first = findings.First(f => f.GetProperty("ruleId").GetString() == "KL210");
        Assert.Equal("<stdin>", first.GetProperty("file").GetString());
        Assert.Equal(5, first.GetProperty("line").GetInt32());
        Assert.DoesNotContain("rendered from", first.GetProperty("message").GetString());
    }

    [Fact]
    public void Sarif_locates_the_template_file()
    {
        var run = Cli.RunWithInput(Rendered, "check", "-", "--format", "sarif");
        var uris = run.Json.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
            .ToList();

        Assert.Contains("web/templates/service.yaml", uris);
        Assert.DoesNotContain("<stdin>", uris);
    }
}
