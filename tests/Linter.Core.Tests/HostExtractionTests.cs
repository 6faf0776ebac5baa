using Linter.Core.Simulation.Dns;

namespace Linter.Core.Tests;

public sealed class HostExtractionTests
{
    private static IReadOnlyList<(string Host, int? Port, ReferenceForm Form)> Extract(string value, string? key = null) =>
        HostExtractor.Extract(value, key).Select(c => (c.Host, c.Port, c.Form)).ToList();

    [Theory]
    [InlineData("http://api:8080/v1", "api", 8080)]
    [InlineData("https://api.shop/v1", "api.shop", 443)]
    [InlineData("postgres://user:secret@db.data:5433/app", "db.data", 5433)]
    [InlineData("jdbc:postgresql://db:5432/app", "db", 5432)]
    [InlineData("redis://cache", "cache", 6379)]
    [InlineData("--target=http://payments-api.payments:80/", "payments-api.payments", 80)]
    public void Urls_give_their_host_and_port_or_the_schemes_default(string value, string host, int port) =>
        Assert.Equal([(host, (int?)port, ReferenceForm.Url)], Extract(value));

    [Fact]
    public void A_url_with_several_hosts_gives_each_of_them()
    {
        var hosts = Extract("mongodb://mongo-0.mongo:27017,mongo-1.mongo:27017/app?replicaSet=rs0");
        Assert.Equal(["mongo-0.mongo", "mongo-1.mongo"], hosts.Select(h => h.Host));
    }

    [Theory]
    [InlineData("db:5432", "db", 5432)]
    [InlineData("--addr=cache.data:6379", "cache.data", 6379)]
    public void Host_port_pairs_are_found_inside_strings(string value, string host, int port) =>
        Assert.Equal([(host, (int?)port, ReferenceForm.HostPort)], Extract(value));

    [Theory]
    [InlineData("12:30")]
    [InlineData("localhost:8080")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("$(DB_HOST):5432")]
    [InlineData("just some words")]
    public void Times_ips_localhost_and_expansions_are_not_hosts(string value) => Assert.Empty(Extract(value));

    [Fact]
    public void A_whole_dotted_value_is_a_candidate_and_a_single_label_only_under_a_host_key()
    {
        Assert.Equal([("web-0.nginx", (int?)null, ReferenceForm.DottedName)], Extract("web-0.nginx"));
        Assert.Empty(Extract("payments-api", "MODE"));
        Assert.Equal([("payments-api", (int?)null, ReferenceForm.Label)], Extract("payments-api", "PAYMENTS_HOST"));
        Assert.Empty(Extract("checkout", "OTEL_SERVICE_NAME"));
    }

    [Theory]
    [InlineData("until nc -z db 5432; do sleep 1; done", "db", "5432", false)]
    [InlineData("ping -c 1 web-0.nginx", "web-0.nginx", null, true)]
    [InlineData("timeout 5 nc -w 2 cache 6379", "cache", "6379", false)]
    [InlineData("redis-cli -h redis-master -p 6380 ping", "redis-master", "6380", false)]
    [InlineData("exec /bin/ping6 -c1 -W 2 api", "api", null, true)]
    public void Network_programs_in_shell_scripts_name_their_target(string script, string host, string? port, bool ping)
    {
        var target = ShellCommands.Split(script).Select(NetworkPrograms.Target).Single(t => t is not null)!;
        Assert.Equal(host, target.Host.Text);
        Assert.Equal(port, target.Port?.Text);
        Assert.Equal(ping, target.IsPing);
        Assert.Equal(script.IndexOf(host, StringComparison.Ordinal), target.Host.Index);
    }

    [Theory]
    [InlineData("redis-cli ping")]
    [InlineData("mysqladmin ping -h db")]
    [InlineData("echo ping web")]
    public void Ping_as_an_argument_of_another_program_is_not_icmp(string script) =>
        Assert.DoesNotContain(ShellCommands.Split(script).Select(NetworkPrograms.Target), t => t?.IsPing == true);
}
