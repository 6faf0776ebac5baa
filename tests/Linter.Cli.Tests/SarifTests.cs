using System.Text.Json;

namespace Linter.Cli.Tests;

public sealed class SarifTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kubelint-sarif-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private JsonElement Sarif(params string[] extra)
    {
        var run = Cli.RunIn(_dir, string.Empty, ["check", ".", "--format", "sarif", .. extra]);
        return run.Json.GetProperty("runs")[0];
    }

    [Fact]
    public void Rules_carry_descriptions_help_from_their_pages_and_code_scanning_properties()
    {
        File.WriteAllText(Path.Combine(_dir, "svc.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n");
        var rule = Sarif().GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "KL203");
        Assert.Equal("NamedTargetPortNotFound", rule.GetProperty("name").GetString());
        Assert.StartsWith("# KL203: ", rule.GetProperty("help").GetProperty("markdown").GetString());
        Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
        Assert.Equal("error", rule.GetProperty("properties").GetProperty("problem.severity").GetString());
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public void Input_errors_become_notifications_and_the_exit_code_is_recorded()
    {
        File.WriteAllText(Path.Combine(_dir, "broken.yaml"), "a:\n  b: 1\n c: 2\n");
        var invocation = Sarif("--sarif-category", "manifests").GetProperty("invocations")[0];
        Assert.Equal(3, invocation.GetProperty("exitCode").GetInt32());
        var notification = invocation.GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Equal("KL001", notification.GetProperty("descriptor").GetProperty("id").GetString());
        Assert.Equal("manifests/", Sarif("--sarif-category", "manifests").GetProperty("automationDetails").GetProperty("id").GetString());
    }

    [Fact]
    public void Locations_are_relative_to_the_sarif_root()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "deploy"));
        File.WriteAllText(Path.Combine(_dir, "deploy", "svc.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80, protocol: ICMP}]}\n");
        var run = Cli.RunIn(Path.Combine(_dir, "deploy"), string.Empty, "check", ".", "--format", "sarif", "--sarif-root", "..");
        var location = run.Json.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("deploy/svc.yaml", location.GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", location.GetProperty("uriBaseId").GetString());
    }

    [Fact]
    public void The_own_fingerprint_survives_moved_lines_and_the_line_hash_follows_github()
    {
        const string Service = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80, protocol: ICMP}]}\n";
        File.WriteAllText(Path.Combine(_dir, "svc.yaml"), Service);
        var before = Sarif().GetProperty("results")[0].GetProperty("partialFingerprints");
        File.WriteAllText(Path.Combine(_dir, "svc.yaml"), "# a comment\n\n" + Service);
        var after = Sarif().GetProperty("results")[0].GetProperty("partialFingerprints");

        Assert.Equal(before.GetProperty("kubelint/v1").GetString(), after.GetProperty("kubelint/v1").GetString());
        Assert.Matches("^[0-9a-f]+:1$", after.GetProperty("primaryLocationLineHash").GetString()!);
    }
}
