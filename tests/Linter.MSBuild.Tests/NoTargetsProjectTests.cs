namespace Linter.MSBuild.Tests;

/// <summary>
/// A Microsoft.Build.NoTargets project that holds only manifests (no C#), with a .globalconfig that turns
/// KL004 off, built four times in a row: the task lints, the incremental build skips it when nothing
/// changed, and a changed property runs it again.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class NoTargetsProjectTests(PackageFixture package)
{
    private sealed record Builds(string Folder, string ProjectFile, DotnetRun First, DotnetRun Unchanged, DotnetRun FailOnWarning, DotnetRun NoWarn, DotnetRun Configured, DotnetRun BrokenConfig, DotnetRun Excluded);

    private static Builds? s_builds;
    private static readonly object Gate = new();

    private const string App = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
                - name: api
                  image: example/api:1.0
                  ports:
                    - name: http
                      containerPort: 8080
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          selector:
            app: apii
          ports:
            - port: 80
              targetport: http

        """;

    private const string Template = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}

        """;

    private Builds Built()
    {
        lock (Gate)
        {
            return s_builds ??= Create();
        }
    }

    private Builds Create()
    {
        var folder = package.NewProjectFolder("manifests");
        Directory.CreateDirectory(Path.Combine(folder, "base"));
        Directory.CreateDirectory(Path.Combine(folder, "chart"));
        File.WriteAllText(Path.Combine(folder, "base", "app.yaml"), App);
        File.WriteAllText(Path.Combine(folder, "chart", "deployment.yaml"), Template);
        File.WriteAllText(Path.Combine(folder, ".globalconfig"), "is_global = true\ndotnet_diagnostic.KL004.severity = none\n");
        var projectFile = Path.Combine(folder, "manifests.csproj");
        File.WriteAllText(projectFile, $"""
            <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <KubeLintPaths>.</KubeLintPaths>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Kubelint.MSBuild" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);

        var first = package.Build(folder, "-v:n");
        var unchanged = package.Build(folder, "--no-restore", "-v:n");
        var failOnWarning = package.Build(folder, "--no-restore", "-v:n", "-p:KubeLintFailOn=warning");
        var noWarn = package.Build(folder, "--no-restore", "-v:n", "-p:KubeLintFailOn=warning", "-p:NoWarn=KL101");
        File.WriteAllText(Path.Combine(folder, ".kubelint.yaml"), "rules:\n  KL101: error\n");
        var configured = package.Build(folder, "--no-restore", "-v:n");
        File.WriteAllText(Path.Combine(folder, ".kubelint.yaml"), "rules:\n  KL101: error\ncluster:\n  clusterDomian: corp\n");
        var broken = package.Build(folder, "--no-restore", "-v:n");
        File.WriteAllText(Path.Combine(folder, ".kubelint.yaml"), "rules:\n  KL101: error\nexclude: [\"base/**\"]\n");
        var excluded = package.Build(folder, "--no-restore", "-v:n");
        return new Builds(folder, projectFile, first, unchanged, failOnWarning, noWarn, configured, broken, excluded);
    }

    private static string Kl101(string level) =>
        $"base/app.yaml(27,3,27,11): {level} KL101: Service api selects app=apii, but no pod in namespace default carries these labels, so it has no endpoints; " +
        $"nearest: pods of Deployment api carry app=api. Make the selector equal to the pod template's labels ({Expected.HelpUri("KL101")})";

    [Fact]
    public void Lints_a_project_without_CSharp_and_warnings_do_not_fail_the_build()
    {
        var builds = Built();
        var lines = Expected.DiagnosticLines(builds.First, builds.ProjectFile);

        Assert.True(builds.First.ExitCode == 0, builds.First.ToString());
        Assert.Equal(Kl101("warning"), Assert.Single(lines, l => l.Contains(": warning KL", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("base/app.yaml(4,9,", StringComparison.Ordinal) && l.EndsWith("): message KL101: related: Deployment api: labels app=api", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(builds.Folder, "obj", "Debug", "net10.0", "kubelint.sarif")));
    }

    [Fact]
    public void A_globalconfig_severity_applies_to_the_task()
    {
        var builds = Built();
        Assert.DoesNotContain(builds.First.Lines, l => l.Contains("KL004", StringComparison.Ordinal));
    }

    [Fact]
    public void Notes_are_messages_with_their_text_intact()
    {
        var builds = Built();
        var lines = Expected.DiagnosticLines(builds.First, builds.ProjectFile);
        Assert.Contains(lines, l => l.StartsWith("chart/deployment.yaml(4,9,4,11): message KL007: the file contains template markers ({{ … }}) and is skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Is_skipped_when_nothing_changed()
    {
        var builds = Built();
        Assert.True(builds.Unchanged.ExitCode == 0, builds.Unchanged.ToString());
        Assert.Contains(builds.Unchanged.Lines, l => l.Contains("Skipping target \"KubeLint\" because all output files are up-to-date", StringComparison.Ordinal));
        Assert.Empty(Expected.DiagnosticLines(builds.Unchanged, builds.ProjectFile));
    }

    [Fact]
    public void Runs_again_when_a_setting_changes_and_fail_on_warning_makes_warnings_errors()
    {
        var builds = Built();
        Assert.True(builds.FailOnWarning.ExitCode == 1, builds.FailOnWarning.ToString());
        Assert.Contains(Kl101("error"), Expected.DiagnosticLines(builds.FailOnWarning, builds.ProjectFile));
    }

    [Fact]
    public void NoWarn_hides_a_rule()
    {
        var builds = Built();
        Assert.True(builds.NoWarn.ExitCode == 0, builds.NoWarn.ToString());
        Assert.DoesNotContain(builds.NoWarn.Lines, l => l.Contains(": error KL101", StringComparison.Ordinal) || l.Contains(": warning KL101", StringComparison.Ordinal));
    }

    [Fact]
    public void The_configuration_file_above_the_project_applies()
    {
        var builds = Built();
        Assert.True(builds.Configured.ExitCode == 1, builds.Configured.ToString());
        Assert.Contains(Kl101("error"), Expected.DiagnosticLines(builds.Configured, builds.ProjectFile));
    }

    [Fact]
    public void A_broken_configuration_file_fails_the_build_with_its_position()
    {
        var builds = Built();
        Assert.True(builds.BrokenConfig.ExitCode == 1, builds.BrokenConfig.ToString());
        Assert.Contains(builds.BrokenConfig.Lines, l => l.Contains(".kubelint.yaml(4,3,4,16): error KL000: unknown key `cluster.clusterDomian`; did you mean `clusterDomain`?", StringComparison.Ordinal));
    }

    [Fact]
    public void The_configuration_files_exclude_globs_apply_to_the_task()
    {
        var builds = Built();
        Assert.True(builds.Excluded.ExitCode == 0, builds.Excluded.ToString());
        Assert.DoesNotContain(builds.Excluded.Lines, l => l.Contains("KL101", StringComparison.Ordinal));
        Assert.Contains(builds.Excluded.Lines, l => l.Contains("KL007", StringComparison.Ordinal));
    }
}
