using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Tests;

/// <summary>KL004 at every depth, from the field tables generated from KubernetesClient's models.</summary>
public sealed class UnknownFieldsTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector:
            matchLabels: {app: web}
            app: web
          template:
            metadata: {labels: {app: web}}
            spec:
              topologySpreadConstraints:
                - maxSkew: 1
                  topologyKey: kubernetes.io/hostname
                  whenUnsatisfiable: DoNotSchedule
                  labelSelector:
                    matchLabels: {app: web}
                    app: web
              containers: [{name: web, image: nginx}]
        """;

    [Fact]
    public void The_tables_hold_the_nested_types_of_the_modelled_kinds()
    {
        Assert.Same(FieldTables.V1Deployment, FieldTables.Roots["Deployment"]);
        Assert.Equal(FieldShape.Object, Field(FieldTables.V1Deployment, "spec").Shape);
        Assert.Same(FieldTables.V1RollingUpdateDeployment, Field(FieldTables.V1DeploymentStrategy, "rollingUpdate").Type);
        Assert.Same(FieldTables.V1Container, Field(FieldTables.V1PodSpec, "containers").Type);
        Assert.Equal(FieldShape.List, Field(FieldTables.V1PodSpec, "containers").Shape);
        Assert.Same(FieldTables.V1EnvVarSource, Field(FieldTables.V1EnvVar, "valueFrom").Type);
        Assert.Same(FieldTables.V1IPBlock, Field(FieldTables.V1NetworkPolicyPeer, "ipBlock").Type);
        // Maps of scalars and quantities, IntOrString and free-form values are not descended into.
        Assert.Equal(FieldShape.Value, Field(FieldTables.V1ResourceRequirements, "limits").Shape);
        Assert.Equal(FieldShape.Value, Field(FieldTables.V1ObjectMeta, "labels").Shape);
        Assert.Equal(FieldShape.Value, Field(FieldTables.V1ServicePort, "targetPort").Shape);
        Assert.Equal(FieldShape.Value, Field(FieldTables.V1Deployment, "status").Shape);
        Assert.Equal(FieldShape.Value, Field(FieldTables.V1PersistentVolumeClaim, "status").Shape);
        Assert.Equal(
            ["ConfigMap", "CronJob", "DaemonSet", "Deployment", "EndpointSlice", "Endpoints", "Ingress", "IngressClass", "Job", "Namespace",
             "NetworkPolicy", "Pod", "ReplicaSet", "ReplicationController", "Service", "StatefulSet"],
            FieldTables.Roots.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void A_deep_misspelling_is_reported_with_its_full_path_and_the_nearest_name()
    {
        var problems = Problems("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
                - name: c
                  image: nginx
                  env:
                    - {name: A, value: "1"}
                    - {name: B, valu: "2"}
            """);
        var problem = Assert.Single(problems);
        Assert.Equal(ProblemKind.UnknownField, problem.Kind);
        Assert.Equal(new SourceSpan("b.yaml", 10, 21, 10, 25), problem.Span);
        Assert.Equal("unknown field `spec.containers[0].env[1].valu`: the API server rejects it (kubectl's strict validation) or drops it; did you mean `value`?", problem.Message);
    }

    [Fact]
    public void Stray_keys_of_a_selector_that_KL811_reports_are_no_unknown_field_elsewhere_they_are()
    {
        var problems = Problems(Deployment);
        var unknown = Assert.Single(problems, p => p.Kind == ProblemKind.UnknownField);
        Assert.Equal("unknown field `spec.template.spec.topologySpreadConstraints[0].labelSelector.app`: the API server rejects it (kubectl's strict validation) or drops it", unknown.Message);
    }

    [Fact]
    public void The_status_the_cluster_writes_is_not_checked()
    {
        Assert.Empty(Problems("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\nstatus: {loadBalancer: {ingres: []}, newField: 1}\n"));
    }

    [Fact]
    public void Objects_of_kinds_or_groups_that_are_not_modelled_are_not_checked()
    {
        Assert.Empty(Problems("apiVersion: example.com/v1\nkind: Service\nmetadata: {name: s, colour: red}\nspec: {anything: 1}\n"));
        Assert.Empty(Problems("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {a: b}\nsomething: 1\n"));
    }

    private static ApiField Field(ApiType type, string name)
    {
        var field = type.Field(name);
        Assert.True(field is not null, $"{type} has no field {name}");
        return field;
    }

    private static List<InputProblem> Problems(string yaml)
    {
        var file = ManifestLoader.Parse("b.yaml", yaml);
        var problems = new List<InputProblem>();
        ObjectBinder.Bind(Assert.Single(file.Documents), "default", problems);
        return problems;
    }
}
