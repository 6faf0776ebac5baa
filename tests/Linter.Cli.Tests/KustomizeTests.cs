using System.Text.Json;
using System.Text.RegularExpressions;
using Linter.Tests;

namespace Linter.Cli.Tests;

/// <summary>
/// The base + overlay of tests/Linter.Core.Tests/Kustomize/shop (namespace, prefix, labels with selectors, a component,
/// a port patch, replicas, a generated ConfigMap) linted as its build: the findings of the rendered build, each at the
/// file that wrote the field.
/// </summary>
public sealed class KustomizeTests
{
    private static string Shop => Path.Combine(Cli.Root, "tests", "Linter.Core.Tests", "Kustomize", "shop");

    private static List<JsonElement> Findings(CliRun run) => run.Json.GetProperty("findings").EnumerateArray().ToList();

    [Fact]
    public void An_overlay_is_linted_as_its_build_with_findings_at_the_files_that_wrote_the_fields()
    {
        var run = Cli.RunIn(Shop, string.Empty, "check", "overlays/prod", "--format", "json", "--fail-on", "none");

        var found = Findings(run).Select(f => (f.GetProperty("ruleId").GetString(), f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32()));
        Assert.Equal(
        [
            ("KL302", "base/kustomization.yaml", 8, 24),          // API_URL=http://api:80: the prefix renamed Service api
            ("KL202", "base/service.yaml", 14, 19),               // targetPort 9000, untouched by the overlay: the base
            ("KL403", "base/web.yaml", 6, 16),                    // serviceName rewritten to prod-api, written in the base
            ("KL302", "base/web.yaml", 23, 22),                   // api.prod: DNS names are not rewritten
            ("KL302", "components/cache/kustomization.yaml", 14, 18), // the component's inline JSON patch value
            ("KL101", "components/cache/redis.yaml", 6, 3),       // the selector team=shop was added by the overlay's labels
            ("KL202", "overlays/prod/ports.yaml", 8, 19),         // targetPort 8081 set by the overlay's patch: the patch
        ], found);
    }

    [Fact]
    public void A_folder_walk_lints_the_overlay_as_its_build_and_the_base_as_its_own_only_where_no_build_uses_it()
    {
        var overlay = Findings(Cli.RunIn(Shop, string.Empty, "check", "overlays/prod", "--format", "json", "--fail-on", "none"));
        var walk = Findings(Cli.RunIn(Shop, string.Empty, "check", ".", "--format", "json", "--fail-on", "none"));

        // The base is used by the overlay: the walk lints it only inside the overlay's build, so nothing is reported twice.
        Assert.Equal(overlay.Select(f => f.GetRawText()), walk.Select(f => f.GetRawText()));
    }

    [KubectlFact]
    public void The_findings_of_the_build_are_those_of_the_rendered_build()
    {
        var built = Cli.RunIn(Shop, string.Empty, "check", "overlays/prod", "--format", "json", "--fail-on", "none");
        var (exitCode, rendered, error) = Kubectl.Kustomize(Path.Combine(Shop, "overlays", "prod"));
        Assert.True(exitCode == 0, error);
        var fromRendered = Cli.RunWithInput(rendered, "check", "-", "--format", "json", "--fail-on", "none");

        // kustomize adds a hash to generated names; kubelint's build keeps the name as written.
        static List<string> Messages(CliRun run) => Findings(run)
            .Select(f => f.GetProperty("ruleId").GetString() + " " + Regex.Replace(f.GetProperty("message").GetString()!, @"(prod-web-settings)-[a-z0-9]{10}\b", "$1"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Messages(fromRendered), Messages(built));
    }
}
