using Linter.Core.Simulation;

namespace Linter.Core.Tests;

public sealed class ListenPortScannerTests
{
    [Theory]
    [InlineData("--port=18080", 18080)]
    [InlineData("--http-port=8080", 8080)]
    [InlineData("--metrics-bind-address=:8443", 8443)]
    [InlineData("-p 8443", 8443)]
    [InlineData("--port 8443", 8443)]
    [InlineData("--listen=:9090", 9090)]
    [InlineData(":9090", 9090)]
    [InlineData("0.0.0.0:5317", 5317)]
    [InlineData("--addr=localhost:6060", 6060)]
    [InlineData("--web.listen-address=127.0.0.1:9100", 9100)]
    [InlineData("--grpc=[::]:50051", 50051)]
    [InlineData("tcp://0.0.0.0:1883", 1883)]
    [InlineData("--listen-address=$(POD_IP):9093", 9093)]
    [InlineData("--advertise=${MY_POD_IP}:7946", 7946)]
    [InlineData("--bind-address=10.0.0.5:8080", 8080)]
    [InlineData("-Dserver.port=8081", 8081)]
    [InlineData("--serve=8000", 8000)]
    [InlineData("exec /app --port=\"3000\" --verbose", 3000)]
    [InlineData("python -m app --listen-port 5000 && echo done", 5000)]
    public void Command_lines_that_name_a_listening_port(string text, int port) => Assert.Equal([port], ListenPortScanner.Scan(text));

    [Theory]
    [InlineData("endpoint: 0.0.0.0:5317", 5317)]
    [InlineData("port = 8443", 8443)]
    [InlineData("port: 8443", 8443)]
    [InlineData("server:\n  http_port: \"8080\"\n", 8080)]
    [InlineData("server {\n    listen 8080;\n    listen [::]:8081 ssl;\n}", 8080, 8081)]
    [InlineData("{\"port\":8443,\"replicas\":3}", 8443)]
    [InlineData("{\"listen\": \":7000\"}", 7000)]
    [InlineData("bind 0.0.0.0\nport 6379\n", 6379)]
    [InlineData("server.port=8080\nmanagement.server.port=8081", 8080, 8081)]
    [InlineData("metricsAddr: \":8080\"", 8080)]
    [InlineData("location / { proxy_pass http://127.0.0.1:8080; }", 8080)]
    [InlineData("receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n      http:\n        endpoint: \"0.0.0.0:4318\"", 4317, 4318)]
    public void Configuration_that_names_a_listening_port(string text, params int[] ports) => Assert.Equal(ports, ListenPortScanner.Scan(text));

    [Theory]
    [InlineData("8443", "PORT", 8443)]
    [InlineData("\"8443\"", "HTTP_PORT", 8443)]
    [InlineData(" 9000 ", "listenPort", 9000)]
    [InlineData("0.0.0.0:5317", "LISTEN_ADDR", 5317)]
    [InlineData(":5317", "OTHER", 5317)]
    [InlineData("8443", "--port", 8443)]
    [InlineData("8443", "-p", 8443)]
    [InlineData("8443", "--https", 8443)]
    [InlineData("8443", "BIND", 8443)]
    [InlineData("db:8443", "BIND_ADDRESS", 8443)]
    public void A_whole_value_counts_by_its_key(string value, string key, int port) => Assert.Equal([port], ListenPortScanner.Scan(value, key));

    [Theory]
    [InlineData("--replicas=3")]
    [InlineData("--workers=8080")]
    [InlineData("--threads 8080")]
    [InlineData("--timeout=8080")]
    [InlineData("--max-connections=8080")]
    [InlineData("--cache-size=8080")]
    [InlineData("-n 8080")]
    [InlineData("-c8080")]
    [InlineData("http://db:8080")]
    [InlineData("--upstream=http://other-svc:8080/api")]
    [InlineData("postgres://user:pw@db.data:8080/app")]
    [InlineData("--db-addr=db:8080")]
    [InlineData("image: nginx:8080")]
    [InlineData("version 1.8080.2")]
    [InlineData("--port=18080x")]
    [InlineData("--port=180800")]
    [InlineData("--port=08080")]
    [InlineData("--port=80800")]
    [InlineData("port: 8080ms")]
    [InlineData("port: 8080-tcp")]
    [InlineData("--path=/8080")]
    [InlineData("ports: [8080]")]
    [InlineData("at 12:30 and 20:80")]
    [InlineData("report = 8080")]
    [InlineData("export 8080")]
    [InlineData("transport: 8080")]
    [InlineData("replicas: 8080")]
    [InlineData("sleep 8080")]
    [InlineData("v8080")]
    [InlineData("a8080 8080b _8080 8080_ -8080 .8080")]
    [InlineData("port\n8080")]
    public void Numbers_that_are_not_a_listening_port(string text) => Assert.Empty(ListenPortScanner.Scan(text));

    [Theory]
    [InlineData("8080", null)]
    [InlineData("8080", "WORKERS")]
    [InlineData("8080", "--workers")]
    [InlineData("8080", "-n")]
    [InlineData("8080 9090", "PORT")]
    [InlineData("http://db:8080", "DATABASE_URL")]
    [InlineData("db:8080", "DB_ADDR")]
    [InlineData("8080", "SUPPORT_ID")]
    public void A_whole_value_under_another_key_does_not_count(string value, string? key) => Assert.Empty(ListenPortScanner.Scan(value, key));

    [Fact]
    public void Megabytes_of_digits_words_and_colons_are_scanned_in_one_pass()
    {
        var parts = new[] { new string('1', 3_000_000), string.Concat(Enumerable.Repeat("x:1 ", 500_000)), new string(':', 2_000_000), string.Concat(Enumerable.Repeat("aaaa ", 400_000)), string.Concat(Enumerable.Repeat("-- ", 600_000)) };
        var text = string.Join(" ", parts) + " --port=8443";
        Assert.Equal([8443], ListenPortScanner.Scan(text));
    }
}
