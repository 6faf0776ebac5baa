using Linter.Tests;

namespace Linter.Cli.Tests;

/// <summary>Tests that change the process's PATH run alone.</summary>
[CollectionDefinition(nameof(ChangesPath), DisableParallelization = true)]
public sealed class ChangesPath;

/// <summary>
/// <c>--helm-chart</c> runs the <c>helm</c> on the PATH. Helm is not installed here: a fake <c>helm</c>, first on the
/// PATH, records its arguments and prints what <c>helm template</c> prints for a chart named web.
/// </summary>
[Collection(nameof(ChangesPath))]
public sealed class HelmChartTests : IDisposable
{
    private const string Rendered = """
        ---
        # Source: web/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
            - port: 80
              protocol: ICMP
        """;

    private readonly TempFolder _folder = new();
    private readonly string? _path = Environment.GetEnvironmentVariable("PATH");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PATH", _path);
        _folder.Dispose();
    }

    private void PathHolds(string binFolder) => Environment.SetEnvironmentVariable("PATH", binFolder + Path.PathSeparator + _path);

    private void FakeHelm(string script)
    {
        var helm = _folder.Write("bin/helm", "#!/bin/sh\n" + script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        PathHolds(Path.GetDirectoryName(helm)!);
    }

    [Fact]
    public void The_chart_is_rendered_with_its_values_and_findings_point_at_its_templates()
    {
        FakeHelm($"echo \"$@\" > \"{_folder.Root}/args\"\ncat <<'YAML'\n{Rendered}\nYAML\n");
        _folder.Write("charts/web/Chart.yaml", "name: web\n");

        var run = Cli.RunIn(_folder.Root, string.Empty, "check", "--helm-chart", "charts/web", "--values", "prod.yaml", "--format", "json");

        Assert.Equal("template charts/web --values prod.yaml", File.ReadAllText(Path.Combine(_folder.Root, "args")).Trim());
        var finding = Assert.Single(run.Json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "KL210");
        Assert.Equal("charts/web/templates/service.yaml", finding.GetProperty("file").GetString());
        Assert.Contains("rendered from the template charts/web/templates/service.yaml; in the rendered output at <helm template charts/web>:10:", finding.GetProperty("message").GetString());
    }

    [Fact]
    public void A_failing_helm_is_a_usage_error_with_its_message()
    {
        FakeHelm("echo 'Error: Chart.yaml file is missing' >&2\nexit 1\n");

        var run = Cli.RunIn(_folder.Root, string.Empty, "check", "--helm-chart", "nochart");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("`helm template nochart` failed (exit 1): Error: Chart.yaml file is missing", run.Stderr);
    }

    [Fact]
    public void Without_helm_on_the_path_the_message_says_so_and_how_to_render_instead()
    {
        Environment.SetEnvironmentVariable("PATH", Path.Combine(_folder.Root, "empty"));

        var run = Cli.RunIn(_folder.Root, string.Empty, "check", "--helm-chart", "charts/web");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--helm-chart needs the `helm` program on the PATH, and it is not there", run.Stderr);
        Assert.Contains("helm template RELEASE CHART | kubelint check -", run.Stderr);
    }
}
