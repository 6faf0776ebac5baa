using Linter.Core.Simulation;

namespace Linter.Core.Tests;

public sealed class ServedPortsTests
{
    private const string ConfigMaps = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: env, namespace: shop}
        data: {HTTP_PORT: "7001", WORKERS: "7002"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: keys, namespace: shop}
        data: {grpc-port: "7003", admin-port: "7004"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: files, namespace: shop}
        data:
          nginx.conf: "server { listen 7005; }"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: projected, namespace: shop}
        data: {app.properties: "server.port=7006"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: env, namespace: other}
        data: {PORT: "7007"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: init, namespace: shop}
        data: {PORT: "7008"}
        ---

        """;

    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: app, namespace: shop}
        spec:
          initContainers:
            - name: setup
              image: busybox
              args: ["--port=7009"]
              envFrom: [{configMapRef: {name: init}}]
            - name: proxy
              image: envoy
              restartPolicy: Always
              args: ["--listen", ":7010"]
          containers:
            - name: app
              image: shop:1.7011.0
              command: ["/app", "-p", "7012"]
              env:
                - {name: LISTEN_ADDR, value: "0.0.0.0:7013"}
                - {name: UPSTREAM, value: "http://db:7014"}
                - name: GRPC
                  valueFrom: {configMapKeyRef: {name: keys, key: grpc-port}}
              envFrom: [{configMapRef: {name: env}}]
              volumeMounts: [{name: conf, mountPath: /etc/nginx}, {name: all, mountPath: /etc/app}]
          volumes:
            - {name: conf, configMap: {name: files}}
            - name: all
              projected: {sources: [{configMap: {name: projected}}, {secret: {name: s}}]}
            - {name: unused, configMap: {name: init}}

        """;

    [Fact]
    public void A_pod_serves_the_numbers_its_running_containers_and_the_configmaps_they_read_listen_on()
    {
        var cluster = Cluster.From(ConfigMaps + Pod);
        var pod = Assert.Single(cluster.PodTemplates);
        Assert.Equal([7001, 7003, 7005, 7006, 7010, 7012, 7013], cluster.Served.Of(pod).Order());
    }

    [Fact]
    public void A_container_reads_configmaps_by_env_by_key_and_by_the_volumes_it_mounts()
    {
        var cluster = Cluster.From(ConfigMaps + Pod);
        var pod = Assert.Single(cluster.PodTemplates);
        var app = pod.Spec.Containers[0];
        Assert.Equal(["conf", "all"], app.VolumeMounts);
        Assert.Equal(
            [("env", null, ConfigMapVia.EnvFrom), ("keys", "grpc-port", ConfigMapVia.EnvKey), ("files", null, ConfigMapVia.Volume), ("projected", null, ConfigMapVia.Volume)],
            cluster.ConfigMapsReadBy(pod, app).Select(u => (u.ConfigMap.Name, u.Key, u.Via)).ToList());
        Assert.All(cluster.ConfigMapsReadBy(pod, app), u => Assert.Equal("shop", u.ConfigMap.Namespace));
    }
}
