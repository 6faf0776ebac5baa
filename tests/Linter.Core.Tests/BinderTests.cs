using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Tests;

public sealed class BinderTests
{
    private static (KubeObject Object, List<InputProblem> Problems) Bind(string yaml)
    {
        var file = ManifestLoader.Parse("b.yaml", yaml);
        var problems = new List<InputProblem>();
        return (ObjectBinder.Bind(Assert.Single(file.Documents), "default", problems), problems);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void A_later_copy_in_one_file_is_compared_with_the_first_copy_however_many_documents_the_file_holds(int others)
    {
        // With more than eight documents the binder keeps a table of the first copies; with fewer it looks back.
        static string ConfigMap(string name, string value) => $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {name}}}\ndata: {{key: {value}}}\n---\n";
        var input = ConfigMap("a", "1") + ConfigMap("b", "1") +
            string.Concat(Enumerable.Range(0, others).Select(i => ConfigMap($"other{i}", "1"))) +
            ConfigMap("a", "2") + ConfigMap("b", "1") + ConfigMap("a", "2");

        var copies = Cluster.From(input).Objects.Where(o => o.Name is "a" or "b").Select(o => $"{o.Name}:{o.SameContentAsFirstCopyInFile}");

        // The third a equals the second, not the first: compared with the first, it is not the same.
        Assert.Equal(["a:False", "b:False", "a:False", "b:True", "a:False"], copies);
    }

    [Fact]
    public void A_quoted_port_number_is_a_type_error_at_the_value()
    {
        var (service, problems) = Bind("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - port: \"80\"\n");
        var problem = Assert.Single(problems);
        Assert.Equal(ProblemKind.WrongType, problem.Kind);
        Assert.Equal(new SourceSpan("b.yaml", 6, 13, 6, 17), problem.Span);
        Assert.Contains("remove the quotes", problem.Message);
        Assert.Null(((ServiceObject)service).Ports[0].Port);
    }

    [Fact]
    public void Labels_the_API_server_rejects_are_left_out_in_place_and_reported_with_their_field_path()
    {
        var (obj, _) = Bind("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    a: x\n    bad key: yy\n    c: z\n    d: -v\n    e: w\n");
        Assert.Equal(["a", "c", "e"], obj.Labels.Select(l => l.Key.Value));
        Assert.Equal(["7:5", "9:8"], obj.LabelProblems.Select(p => $"{p.At.Line}:{p.At.Column}"));
        Assert.All(obj.LabelProblems, p => Assert.StartsWith("\"metadata.labels: Invalid value", p.Message));
    }

    [Fact]
    public void Labels_the_API_server_accepts_are_kept_as_read_with_no_problems()
    {
        var (obj, _) = Bind("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {a: x, app.kubernetes.io/name: web}\n");
        Assert.Equal(["a", "app.kubernetes.io/name"], obj.Labels.Select(l => l.Key.Value));
        Assert.Empty(obj.LabelProblems);
    }

    [Fact]
    public void List_items_keep_their_spans_once_the_tree_is_gone()
    {
        var (route, _) = Bind("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  rules:\n    - backendRefs:\n        - {name: web, port: 80}\n");
        var backend = Assert.Single(((RouteObject)route).BackendRefs);
        Assert.Equal(new SourceSpan("b.yaml", 7, 11, 7, 32), backend.ItemSpan);
        Assert.Equal(new SourceSpan("b.yaml", 7, 12, 7, 16), backend.Span);

        var (deployment, _) = Bind("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec:\n      containers:\n        - name: web\n          ports:\n            - containerPort: 80\n");
        var container = Assert.Single(((WorkloadObject)deployment).Template!.Spec.Containers);
        Assert.Equal((10, 11), (container.Span.Line, container.Span.Column));
        Assert.Equal(new SourceSpan("b.yaml", 10, 17, 10, 20), container.NameNode!.Span);
        Assert.Equal((12, 15), (container.Ports[0].Span.Line, container.Ports[0].Span.Column));
    }

    [Fact]
    public void An_unknown_field_is_reported_on_its_key_with_the_nearest_known_name()
    {
        var (_, problems) = Bind("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - port: 80\n      targetport: 8080\n");
        var problem = Assert.Single(problems);
        Assert.Equal(ProblemKind.UnknownField, problem.Kind);
        Assert.Equal(7, problem.Span.Line);
        Assert.Contains("did you mean `targetPort`", problem.Message);
    }

    [Fact]
    public void A_dotted_top_level_key_is_an_unknown_field_with_a_hint_at_the_mapping()
    {
        var (service, problems) = Bind("apiVersion: v1\nkind: Service\nmetadata.name: web\nspec:\n  ports: [{port: 80}]\n");
        var problem = Assert.Single(problems);
        Assert.Equal(ProblemKind.UnknownField, problem.Kind);
        Assert.Equal(new SourceSpan("b.yaml", 3, 1, 3, 14), problem.Span);
        Assert.Equal("unknown field `metadata.name`: the API server rejects it (kubectl's strict validation) or drops it; did you mean a `metadata:` mapping with `name:`? YAML does not split keys at dots", problem.Message);
        Assert.Equal(string.Empty, service.Name);
        Assert.Equal("Service (no metadata.name, line 3)", service.ToString());
        Assert.Equal(new SourceSpan("b.yaml", 3, 1, 3, 14), service.NameSpan);
    }

    [Fact]
    public void A_deeper_dotted_key_names_the_first_nested_field()
    {
        var (_, problems) = Bind("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec.ports.port: 80\nspec: {}\n");
        Assert.Contains("did you mean a `spec:` mapping with `ports:`?", Assert.Single(problems).Message);
    }

    [Fact]
    public void An_object_without_metadata_is_described_by_its_kind_line()
    {
        var (deployment, _) = Bind("apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: nginx}]\n");
        Assert.Equal("Deployment (no metadata.name, line 2)", deployment.ToString());
        Assert.Equal(new SourceSpan("b.yaml", 2, 7, 2, 17), deployment.NameSpan);
    }

    [Theory]
    [InlineData("metadata:\n")]
    [InlineData("metadata: {}\n")]
    [InlineData("metadata:\n  labels: {app: web}\n")]
    [InlineData("metadata:\n  name:\n")]
    public void An_object_with_metadata_but_no_name_points_at_the_metadata_key(string metadata)
    {
        var (service, _) = Bind("apiVersion: v1\nkind: Service\n" + metadata);
        Assert.Equal("Service (no metadata.name, line 3)", service.ToString());
        Assert.Equal(new SourceSpan("b.yaml", 3, 1, 3, 9), service.NameSpan);
    }

    [Fact]
    public void An_empty_name_is_called_empty_and_a_name_is_shown_as_is()
    {
        Assert.Equal("Service (empty metadata.name, line 4)", Bind("apiVersion: v1\nkind: Service\nmetadata:\n  name: \"\"\n").Object.ToString());
        Assert.Equal("Service web", Bind("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n").Object.ToString());
    }

    [Theory]
    [InlineData("networking.k8s.io/v1", "spec: {rulez: []}", "`spec.rulez`", "`rules`")]
    [InlineData("networking.k8s.io/v1", "spec: {defaultbackend: {service: {name: a}}}", "`spec.defaultbackend`", "`defaultBackend`")]
    [InlineData("networking.k8s.io/v1", "spec: {backend: {serviceName: a}}", "`spec.backend`", "unknown field")]
    [InlineData("extensions/v1beta1", "spec: {backend: {serviceName: a, servicPort: 80}}", "`spec.backend.servicPort`", "`servicePort`")]
    [InlineData("networking.k8s.io/v1", "spec: {rules: [{http: {paths: [{path: /, pathtype: Prefix}]}}]}", "`spec.rules[0].http.paths[0].pathtype`", "`pathType`")]
    public void Unknown_fields_of_an_ingress_are_reported_per_version(string apiVersion, string spec, string field, string suggestion)
    {
        var problem = Assert.Single(Bind($"apiVersion: {apiVersion}\nkind: Ingress\nmetadata: {{name: s}}\n{spec}\n").Problems);
        Assert.Contains(field, problem.Message, StringComparison.Ordinal);
        Assert.Contains(suggestion, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_of_unmodelled_kinds_and_custom_resources_are_not_checked()
    {
        Assert.Empty(Bind("apiVersion: example.com/v1\nkind: Service\nmetadata: {name: s}\nspec: {anything: 1}\n").Problems);
        Assert.Empty(Bind("apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: s}\nspec: {selectr: {}}\n").Problems);
    }

    [Fact]
    public void A_service_port_without_port_is_missing_a_required_field()
    {
        var (_, problems) = Bind("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - protocol: TCP\n      targetPort: 80\n");
        var problem = Assert.Single(problems);
        Assert.Equal(ProblemKind.MissingField, problem.Kind);
        Assert.Equal(6, problem.Span.Line);
    }

    [Fact]
    public void A_label_value_that_is_a_number_is_a_type_error()
    {
        var (_, problems) = Bind("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    version: 2\nspec:\n  containers: [{name: c, image: nginx}]\n");
        Assert.Contains("quote it", Assert.Single(problems).Message);
    }

    [Fact]
    public void Workload_pods_get_template_labels_and_job_pods_their_job_name()
    {
        var (job, problems) = Bind("apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n  template:\n    metadata: {labels: {app: migrate}}\n    spec: {containers: [{name: c, image: x}], restartPolicy: Never}\n");
        Assert.Empty(problems);
        var template = ((WorkloadObject)job).Template!;
        Assert.Equal("migrate", template.LabelValues["app"]);
        Assert.Contains(new KeyValuePair<string, string>("job-name", "migrate"), template.ControllerLabels);
    }

    [Fact]
    public void Cronjob_pods_come_from_the_job_template()
    {
        var (cron, problems) = Bind("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: c}}\n        spec: {containers: [{name: c, image: x}], restartPolicy: Never}\n");
        Assert.Empty(problems);
        Assert.Equal("c", ((WorkloadObject)cron).Template!.LabelValues["app"]);
    }

    [Fact]
    public void A_templates_label_values_are_its_labels_by_key_in_written_order()
    {
        var (deployment, problems) = Bind("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {tier: front, app: web, track: stable}}\n    spec: {containers: [{name: c, image: x}]}\n");
        Assert.Empty(problems);
        var values = ((WorkloadObject)deployment).Template!.LabelValues;
        Assert.Equal(["tier", "app", "track"], values.Keys);
        Assert.Equal(["front", "web", "stable"], values.Values);
        Assert.Equal(3, values.Count);
        Assert.Equal("stable", values["track"]);
        Assert.True(values.TryGetValue("app", out var app));
        Assert.Equal("web", app);
        Assert.True(values.ContainsKey("tier"));
        Assert.False(values.ContainsKey("version"));
        Assert.False(values.TryGetValue("version", out _));
        Assert.Throws<KeyNotFoundException>(() => values["version"]);
        Assert.Equal([new("tier", "front"), new("app", "web"), new("track", "stable")], values.ToList());
    }
}
