using Linter.Core.Loading;

namespace Linter.Core.Tests;

public sealed class KustomizeBuildTests : IDisposable
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: nginx
                  ports:
                    - name: http
                      containerPort: 8080
                - name: sidecar
                  image: envoy
                  ports:
                    - containerPort: 9901

        """;

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
            - port: 80
              targetPort: http

        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("kubelint-kustomize-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private IReadOnlyList<SourceFile> Load(params string[] relative) =>
        ManifestLoader.Load(relative.Select(r => InputSource.FromPath(Path.Combine(_dir, r))).ToList(), _dir).Files;

    private void WriteBase()
    {
        Write("base/deployment.yaml", Deployment);
        Write("base/service.yaml", Service);
        Write("base/kustomization.yaml", "resources:\n  - deployment.yaml\n  - service.yaml\n");
    }

    private static MappingNode Object(SourceFile build, string kind) =>
        build.Documents.Select(d => d.Root).Single(r => r["kind"] is ScalarNode { Value: var k } && k == kind);

    private static Node At(Node node, string path)
    {
        foreach (var step in path.Split('/'))
        {
            node = node is SequenceNode list ? list.Items[int.Parse(step)] : ((MappingNode)node)[step]!;
        }

        return node;
    }

    private static (string Path, int Line, int Column) Where(Node node) => (node.Span.Path, node.Span.Line, node.Span.Column);

    [Fact]
    public void An_overlay_builds_namespace_prefix_labels_and_a_port_patch_with_the_positions_of_their_sources()
    {
        WriteBase();
        Write("overlays/prod/kustomization.yaml", """
            resources:
              - ../../base
            namespace: prod
            namePrefix: prod-
            labels:
              - pairs:
                  team: shop
                includeSelectors: true
            patches:
              - path: port.yaml

            """);
        Write("overlays/prod/port.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      ports:
                        - containerPort: 8080
                          name: web

            """);

        var build = Assert.Single(Load("overlays/prod"), f => f.Documents.Count > 0);
        Assert.Equal("overlays/prod/kustomization.yaml", build.Path);

        var deployment = Object(build, "Deployment");
        Assert.Equal("prod-web", ((ScalarNode)At(deployment, "metadata/name")).Value);
        Assert.Equal(("base/deployment.yaml", 4, 9), Where(At(deployment, "metadata/name")));
        Assert.Equal(("overlays/prod/kustomization.yaml", 3, 12), Where(At(deployment, "metadata/namespace")));
        Assert.Equal("shop", ((ScalarNode)At(deployment, "spec/selector/matchLabels/team")).Value);
        Assert.Equal("shop", ((ScalarNode)At(deployment, "spec/template/metadata/labels/team")).Value);
        Assert.Equal(("overlays/prod/kustomization.yaml", 7, 13), Where(At(deployment, "spec/template/metadata/labels/team")));

        // The port name the patch changes points at the patch; what it repeats (the merge key) and leaves alone, at the base.
        var port = At(deployment, "spec/template/spec/containers/0/ports/0");
        Assert.Equal("web", ((ScalarNode)At(port, "name")).Value);
        Assert.Equal(("overlays/prod/port.yaml", 12, 21), Where(At(port, "name")));
        Assert.Equal(("base/deployment.yaml", 20, 30), Where(At(port, "containerPort")));
        Assert.Equal(("base/deployment.yaml", 17, 18), Where(At(deployment, "spec/template/spec/containers/0/image")));
        Assert.Equal(("base/deployment.yaml", 21, 17), Where(At(deployment, "spec/template/spec/containers/1/name")));

        var service = Object(build, "Service");
        Assert.Equal("prod-web", ((ScalarNode)At(service, "metadata/name")).Value);
        Assert.Equal(["app", "team"], ((MappingNode)At(service, "spec/selector")).Entries.Select(e => e.Key.Value));
    }

    [Fact]
    public void Labels_without_include_selectors_leave_selectors_and_templates_alone()
    {
        WriteBase();
        Write("overlay/kustomization.yaml", "resources: [../base]\nlabels:\n  - pairs: {team: shop}\n");

        var deployment = Object(Assert.Single(Load("overlay"), f => f.Documents.Count > 0), "Deployment");

        Assert.Equal("shop", ((ScalarNode)At(deployment, "metadata/labels/team")).Value);
        Assert.Null(((MappingNode)At(deployment, "spec/selector/matchLabels"))["team"]);
        Assert.Null(((MappingNode)At(deployment, "spec/template/metadata/labels"))["team"]);
    }

    [Fact]
    public void A_prefix_rewrites_the_references_kustomize_rewrites_and_leaves_names_in_strings()
    {
        Write("app/all.yaml", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db}
            spec:
              serviceName: db
              template:
                spec:
                  containers:
                    - name: db
                      image: postgres
                      env: [{name: PEER, value: "db-0.db:5432"}]
                      envFrom: [{configMapRef: {name: settings}}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: db}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: front}
            spec:
              defaultBackend: {service: {name: db, port: {number: 80}}}
              rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: external, port: {number: 80}}}}]}}]

            """);
        Write("app/kustomization.yaml", "resources: [all.yaml]\nnameSuffix: -v2\n");

        var build = Assert.Single(Load("app"), f => f.Documents.Count > 0);
        var set = Object(build, "StatefulSet");
        var ingress = Object(build, "Ingress");

        Assert.Equal("db-v2", ((ScalarNode)At(set, "spec/serviceName")).Value);
        Assert.Equal("settings-v2", ((ScalarNode)At(set, "spec/template/spec/containers/0/envFrom/0/configMapRef/name")).Value);
        Assert.Equal("db-0.db:5432", ((ScalarNode)At(set, "spec/template/spec/containers/0/env/0/value")).Value);
        Assert.Equal("db-v2", ((ScalarNode)At(ingress, "spec/defaultBackend/service/name")).Value);
        Assert.Equal("external", ((ScalarNode)At(ingress, "spec/rules/0/http/paths/0/backend/service/name")).Value);
    }

    [Fact]
    public void Json_operations_in_an_inline_literal_block_keep_their_lines_in_the_kustomization()
    {
        WriteBase();
        Write("overlay/kustomization.yaml", """
            resources: [../base]
            replicas:
              - name: web
                count: 3
            patches:
              - target: {kind: Service, name: w.b}
                patch: |-
                  - op: replace
                    path: /spec/ports/0/targetPort
                    value: 8080
                  - op: add
                    path: /spec/ports/-
                    value: {port: 9901}
                  - op: remove
                    path: /spec/selector/missing

            """);

        var files = Load("overlay");
        var build = Assert.Single(files, f => f.Documents.Count > 0);
        var service = Object(build, "Service");

        Assert.Equal(("overlay/kustomization.yaml", 10, 16), Where(At(service, "spec/ports/0/targetPort")));
        Assert.Equal("9901", ((ScalarNode)At(service, "spec/ports/1/port")).Value);
        Assert.Equal(("overlay/kustomization.yaml", 4, 12), Where(At(Object(build, "Deployment"), "spec/replicas")));
        var note = Assert.Single(build.Problems);
        Assert.Equal((14, 9), (note.Span.Line, note.Span.Column));
        Assert.Contains("/spec/selector/missing does not exist", note.Message);
    }

    [Fact]
    public void Strategic_merge_deletes_list_items_and_objects_and_merges_service_ports_on_port()
    {
        WriteBase();
        Write("overlay/kustomization.yaml", """
            resources: [../base]
            patchesStrategicMerge:
              - |-
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: sidecar
                          $patch: delete
              - |-
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  ports:
                    - port: 80
                      targetPort: 8080
                    - port: 443

            """);

        var build = Assert.Single(Load("overlay"), f => f.Documents.Count > 0);
        var containers = (SequenceNode)At(Object(build, "Deployment"), "spec/template/spec/containers");
        var ports = (SequenceNode)At(Object(build, "Service"), "spec/ports");

        Assert.Equal(["web"], containers.Items.Select(c => ((ScalarNode)At(c, "name")).Value));
        Assert.Equal(["80", "443"], ports.Items.Select(p => ((ScalarNode)At(p, "port")).Value));
        Assert.Equal("8080", ((ScalarNode)At(ports.Items[0], "targetPort")).Value);
        Assert.Empty(build.Problems);
    }

    [Fact]
    public void Components_and_generated_config_maps_join_the_build()
    {
        WriteBase();
        Write("components/single-replica/kustomization.yaml", """
            apiVersion: kustomize.config.k8s.io/v1alpha1
            kind: Component
            resources: [extra.yaml]
            patches:
              - patch: |-
                  apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: web}
                  spec: {replicas: 2}

            """);
        Write("components/single-replica/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\n");
        Write("overlay/app.env", "# settings\nDB_HOST=db.data:5432\n");
        Write("overlay/kustomization.yaml", """
            resources: [../base]
            components: [../components/single-replica]
            configMapGenerator:
              - name: settings
                literals: ["CACHE=redis:6379"]
                envs: [app.env]

            """);

        var files = Load(".");
        var build = Assert.Single(files, f => f.Documents.Count > 0);
        Assert.Equal("overlay/kustomization.yaml", build.Path);

        var settings = build.Documents.Select(d => d.Root).Single(r => At(r, "metadata/name") is ScalarNode { Value: "settings" });
        Assert.Equal(["CACHE", "DB_HOST"], ((MappingNode)At(settings, "data")).Entries.Select(e => e.Key.Value));
        Assert.Equal("db.data:5432", ((ScalarNode)At(settings, "data/DB_HOST")).Value);
        Assert.Contains(build.Documents, d => At(d.Root, "metadata/name") is ScalarNode { Value: "extra" });
        Assert.Equal(("components/single-replica/kustomization.yaml", 9, 24), Where(At(Object(build, "Deployment"), "spec/replicas")));
    }

    [Fact]
    public void A_folder_walk_lints_each_kustomization_as_its_build_and_its_bases_only_inside_it()
    {
        WriteBase();
        Write("overlays/a/kustomization.yaml", "resources: [../../base]\nnamespace: a\n");
        Write("overlays/b/kustomization.yaml", "resources: [../../base]\nnamespace: b\n");
        Write("other/svc.yaml", Service);

        var files = Load(".");

        Assert.Equal(["other/svc.yaml", "overlays/a/kustomization.yaml", "overlays/b/kustomization.yaml"], files.Where(f => f.Documents.Count > 0).Select(f => f.Path));
        Assert.Contains(files, f => f.Path == "base/deployment.yaml");
    }

    [Fact]
    public void A_base_named_explicitly_is_linted_too()
    {
        WriteBase();
        Write("overlay/kustomization.yaml", "resources: [../base/deployment.yaml]\n");

        var files = Load("overlay", "base/deployment.yaml");

        Assert.Equal(["base/deployment.yaml", "overlay/kustomization.yaml"], files.Where(f => f.Documents.Count > 0).Select(f => f.Path));
    }

    [Fact]
    public void Remote_resources_unmodelled_fields_missing_files_and_cycles_are_notes_not_failures()
    {
        Write("a/kustomization.yaml", """
            resources:
              - https://github.com/example/app//deploy?ref=v1
              - missing.yaml
              - ../b
            images:
              - name: nginx
                newTag: "1.27"

            """);
        Write("b/kustomization.yaml", "resources: [../a]\n");

        var build = Load("a").Single(f => f.Path == "a/kustomization.yaml");

        Assert.Empty(build.Documents);
        Assert.All(build.Problems, p => Assert.Equal(ProblemKind.TemplateMarkers, p.Kind));
        Assert.Equal([2, 3, 1, 5], build.Problems.Select(p => p.Span.Line));
        Assert.Contains("not fetched", build.Problems[0].Message);
        Assert.Contains("names no file", build.Problems[1].Message);
        Assert.Contains("cycle", build.Problems[2].Message);
        Assert.Contains("`images`", build.Problems[3].Message);
    }

    [Theory]
    [InlineData("resources: [\"a\\0b.yaml\"]\n")]
    [InlineData("resources: [../base]\npatches:\n  - target: {kind: Service, name: \"web[\"}\n    patch: \"[{op: remove, path: /spec}]\"\n")]
    [InlineData("resources: [../base]\npatches:\n  - patch: \"- 1\\n- [2]\"\n    target: {kind: Deployment}\n  - patch: \"just text\"\n")]
    [InlineData("resources: [../base]\npatchesJson6902:\n  - target: {kind: Deployment, name: web}\n    patch: \"[{op: add, path: /spec/template/spec/containers/99/name, value: x}, {op: move, from: /a, path: /b}, {op: replace}]\"\n")]
    [InlineData("resources: [../base]\npatchesStrategicMerge:\n  - \"apiVersion: v1\\nkind: Service\\nmetadata: {name: web}\\nspec: {ports: {$patch: delete}, selector: [1]}\"\n  - \"apiVersion: v1\\nkind: Nope\\nmetadata: {name: x}\"\n")]
    [InlineData("resources: {a: b}\nnamespace: [x]\nnamePrefix: {a: b}\nlabels: [{pairs: [1]}, 3]\ncommonLabels: x\nreplicas: [{name: web, count: many}, 1]\nconfigMapGenerator: [{literals: [x]}, {name: c, literals: [\"=x\", 3], files: [../nothing], envs: [\"\"]}]\ncomponents: [../base, ../missing]\n")]
    public void Hostile_kustomizations_load_with_notes_and_never_crash(string kustomization)
    {
        WriteBase();
        Write("overlay/kustomization.yaml", kustomization);

        var build = Load("overlay").Single(f => f.Path == "overlay/kustomization.yaml");

        Assert.NotEmpty(build.Problems);
        Assert.All(build.Documents, d => Assert.NotNull(d.Root["kind"]));
    }
}
