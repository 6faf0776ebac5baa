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
    public void An_unknown_field_is_reported_on_its_key_with_the_nearest_known_name()
    {
        var (_, problems) = Bind("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - port: 80\n      targetport: 8080\n");
        var problem = Assert.Single(problems);
        Assert.Equal(ProblemKind.UnknownField, problem.Kind);
        Assert.Equal(7, problem.Span.Line);
        Assert.Contains("did you mean `targetPort`", problem.Message);
    }

    [Fact]
    public void Unknown_fields_of_unmodelled_kinds_and_custom_resources_are_not_checked()
    {
        Assert.Empty(Bind("apiVersion: example.com/v1\nkind: Service\nmetadata: {name: s}\nspec: {anything: 1}\n").Problems);
        Assert.Empty(Bind("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: s}\nspec: {rulez: []}\n").Problems);
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
}
