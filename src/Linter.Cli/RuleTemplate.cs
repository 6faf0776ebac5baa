namespace Linter.Cli;

/// <summary>
/// The files of a new custom rule (<c>kubelint new rule</c>): a rule that compiles and passes its fixtures as written,
/// with TODOs where the team's check, title and prose go. The example check reports Services without a <c>team</c>
/// label, on their name.
/// </summary>
/// <param name="Id">The rule id, e.g. <c>ACME001</c>.</param>
/// <param name="Slug">The rule's slug, also its folder's name, e.g. <c>readiness-behind-service</c>.</param>
internal sealed record RuleTemplate(string Id, string Slug)
{
    private const string Title = "TODO: a title in a few words";

    private const string Service =
        "apiVersion: v1\n" +
        "kind: Service\n" +
        "metadata:\n" +
        "  name: web{0}\n" +
        "{1}" +
        "spec:\n" +
        "  selector:\n" +
        "    app: web\n" +
        "  ports:\n" +
        "    - port: 80\n" +
        "      targetPort: 8080\n";

    /// <summary><c>ReadinessBehindServiceRule</c>: the slug in PascalCase.</summary>
    public string ClassName => string.Concat(Slug.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1))) + "Rule";

    /// <summary>The rule's source, <c>&lt;ClassName&gt;.cs</c>.</summary>
    public string Code => $$"""
        using System.Linq;
        using Linter.Core.Rules;

        namespace CustomRules;

        /// <summary>TODO: what the rule finds, in one sentence.</summary>
        public sealed class {{ClassName}}() : Rule(new RuleDescriptor("{{Id}}", "{{Slug}}", "{{Title}}", Severity.Warning, "custom"))
        {
            public override void Check(RuleContext context)
            {
                foreach (var service in context.Snapshot.Services)
                {
                    // TODO: the condition that makes the Service a mistake. The example: a Service without a `team` label.
                    if (!service.Labels.Any(label => label.Key.Value == "team"))
                    {
                        context.Report(service.NameSpan, $"TODO: what is wrong with {service} and how to fix it");
                    }
                }
            }
        }

        """;

    /// <summary>The rule's page, <c>&lt;Id&gt;.md</c>, with the headings of the built-in pages.</summary>
    public string Page => $"""
        # {Id}: {Title}

        TODO: what the rule finds, in a paragraph (kubelint explain shows the page; SARIF takes this paragraph as the summary).

        ## Why it matters
        TODO: what goes wrong in the cluster when such a manifest is applied.

        ## Examples

        ### Failing
        ```yaml
        {Failing.TrimEnd()}
        ```

        ### Passing
        ```yaml
        {Passing.TrimEnd()}
        ```

        ## How to fix
        - TODO: the change that fixes it.

        ## References
        - TODO: a link to the Kubernetes documentation or the team's convention.

        """;

    /// <summary><c>fixtures/invalid-1.yaml</c>: a manifest the rule reports, on the line its comment marks.</summary>
    public string InvalidFixture => "# TODO: a manifest the rule must report. A comment at the end of a line names the rule that must report there.\n" + Failing;

    /// <summary><c>fixtures/valid-1.yaml</c>: a manifest the rule must not report.</summary>
    public string ValidFixture => "# TODO: a manifest the rule must not report.\n" + Passing;

    private string Failing => string.Format(System.Globalization.CultureInfo.InvariantCulture, Service, $" # expect: {Id}", string.Empty);

    private string Passing => string.Format(System.Globalization.CultureInfo.InvariantCulture, Service, string.Empty, "  labels:\n    team: shop\n");
}
