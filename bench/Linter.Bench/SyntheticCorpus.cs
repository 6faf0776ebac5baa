using System.Text;

namespace Linter.Bench;

/// <summary>
/// Generates a realistic input: namespaces, each with deployments, services (by name and by number),
/// a StatefulSet with its headless service and a ConfigMap. About 1 in 10 services has a mistake.
/// </summary>
public static class SyntheticCorpus
{
    public static IReadOnlyList<(string Path, string Text)> Generate(int namespaces, int appsPerNamespace)
    {
        var files = new List<(string, string)>();
        for (var n = 0; n < namespaces; n++)
        {
            var ns = $"team-{n}";
            for (var a = 0; a < appsPerNamespace; a++)
            {
                files.Add(($"{ns}/app-{a}.yaml", App(ns, $"app-{a}", broken: (n + a) % 10 == 0)));
            }

            files.Add(($"{ns}/db.yaml", Database(ns)));
        }

        return files;
    }

    private static string App(string ns, string name, bool broken)
    {
        var text = new StringBuilder();
        text.Append($"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {"{"}name: {name}, namespace: {ns}, labels: {"{"}app: {name}{"}"}{"}"}
            spec:
              replicas: 2
              selector: {"{"}matchLabels: {"{"}app: {name}, tier: web{"}"}{"}"}
              template:
                metadata: {"{"}labels: {"{"}app: {name}, tier: web, version: v1{"}"}{"}"}
                spec:
                  containers:
                    - name: main
                      image: example/{name}:1.0
                      ports:
                        - {"{"}name: http, containerPort: 8080{"}"}
                        - {"{"}name: metrics, containerPort: 9090{"}"}
                      readinessProbe: {"{"}httpGet: {"{"}path: /ready, port: http{"}"}{"}"}
                      env:
                        - {"{"}name: DB_HOST, value: db.{ns}.svc.cluster.local{"}"}
            ---
            apiVersion: v1
            kind: Service
            metadata: {"{"}name: {name}, namespace: {ns}{"}"}
            spec:
              selector: {"{"}app: {(broken ? name + "-x" : name)}{"}"}
              ports:
                - {"{"}name: http, port: 80, targetPort: {(broken ? "htp" : "http")}{"}"}
                - {"{"}name: metrics, port: 9090{"}"}

            """);
        return text.ToString();
    }

    private static string Database(string ns) => $"""
        apiVersion: v1
        kind: Service
        metadata: {"{"}name: db, namespace: {ns}{"}"}
        spec:
          clusterIP: None
          selector: {"{"}app: db{"}"}
          ports: [{"{"}name: pg, port: 5432{"}"}]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {"{"}name: db, namespace: {ns}{"}"}
        spec:
          serviceName: db
          replicas: 3
          selector: {"{"}matchLabels: {"{"}app: db{"}"}{"}"}
          template:
            metadata: {"{"}labels: {"{"}app: db{"}"}{"}"}
            spec:
              containers: [{"{"}name: pg, image: postgres:16, ports: [{"{"}name: pg, containerPort: 5432{"}"}]{"}"}]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {"{"}name: settings, namespace: {ns}{"}"}
        data: {"{"}LOG_LEVEL: info{"}"}

        """;
}
