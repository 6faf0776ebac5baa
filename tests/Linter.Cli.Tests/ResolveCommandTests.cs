namespace Linter.Cli.Tests;

public sealed class ResolveCommandTests
{
    [Fact]
    public void Resolve_lists_each_service_port_and_where_it_lands()
    {
        var run = Cli.Run("resolve", Cli.Examples);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("namespace payments\n  payments-api (ClusterIP, selector app=payments-api)\n    80/TCP (http) -> http\n      Deployment payments-api: container api 8080/TCP\n", run.Stdout.Replace("\r", string.Empty));
        Assert.Contains("Deployment catalog-api: no port named http-api/TCP, no endpoint", run.Stdout);
        Assert.Contains("sessions (ClusterIP, headless, selector app=session-redis)\n    selects no pod", run.Stdout.Replace("\r", string.Empty));
        Assert.True(run.Stdout.Split('\n').All(line => line.TrimEnd('\r').Length <= 80), "lines fit 80 columns");
    }

    [Fact]
    public void Resolve_from_a_workload_shows_each_query_of_the_search_list()
    {
        var run = Cli.Run("resolve", Cli.Examples, "--from", "shop/storefront", "payments-api.payments:8080");
        Assert.Equal(0, run.ExitCode);
        var text = run.Stdout.Replace("\r", string.Empty);
        Assert.StartsWith("from Deployment storefront in namespace shop\n", text);
        Assert.Contains(
            "  1. payments-api.payments.shop.svc.cluster.local\n" +
            "     NXDOMAIN: no headless Service payments in namespace shop\n" +
            "  2. payments-api.payments.svc.cluster.local\n" +
            "     Service payments-api in namespace payments\n" +
            "=> Service payments-api in namespace payments\n" +
            "   port 8080 is not exposed (the Service exposes 80)\n",
            text);
        Assert.True(text.Split('\n').All(line => line.Length <= 80), "lines fit 80 columns");
    }

    [Fact]
    public void Resolve_explains_a_short_name_of_another_namespace_in_json()
    {
        var run = Cli.Run("resolve", Cli.Examples, "--from", "shop/storefront", "payments-api", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("External", run.Json.GetProperty("outcome").GetString());
        Assert.Contains("write payments-api.payments", run.Json.GetProperty("result").GetString());
        Assert.Equal(4, run.Json.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public void Resolve_from_an_unknown_workload_is_a_usage_error_with_a_suggestion()
    {
        var run = Cli.Run("resolve", Cli.Examples, "--from", "shop/storefrnt", "x");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("did you mean shop/storefront?", run.Stderr);
    }
}
