using Linter.Core.Config;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;
using Linter.Core.Simulation;

namespace Linter.Rules.Tests;

/// <summary>KL811 and KL819 with every rule on: one defect, one finding (KL004, KL103 step aside), and version-dependent CIDR checks.</summary>
public sealed class NetworkingValidationTests
{
    private const string Template = "  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n";

    private static IReadOnlyList<Finding> Lint(string yaml, string config = "") => Expectations.LintWithConfig(yaml, config);

    private static List<string> Ids(IReadOnlyList<Finding> findings) => findings.Select(f => $"{f.RuleId}@{f.Location.Line}").ToList();

    [Theory]
    [InlineData("apps/v1", "Deployment", "deployment")]
    [InlineData("apps/v1", "ReplicaSet", "deployment")]
    [InlineData("apps/v1", "StatefulSet", "statefulset")]
    [InlineData("apps/v1", "DaemonSet", "daemonset")]
    public void An_empty_apps_selector_is_KL811_only(string apiVersion, string kind, string word)
    {
        var findings = Lint($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: web}}\nspec:\n  selector: {{}}\n{Template}");
        Assert.Equal(["KL811@5"], Ids(findings));
        Assert.Contains($"spec.selector: Invalid value: {{}}: empty selector is invalid for {word}", findings.Single().Message);
    }

    [Fact]
    public void A_stray_key_under_a_workload_selector_is_KL811_only()
    {
        var findings = Lint($"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: web}}\nspec:\n  selector:\n    app: web\n{Template}");
        Assert.Equal(["KL811@6"], Ids(findings));
        Assert.Contains("unknown field \"spec.selector.app\"", findings.Single().Message);
        Assert.Contains("empty selector is invalid for deployment", findings.Single().Message);
        Assert.Contains("move `app` under `matchLabels:`", findings.Single().Message);
    }

    [Fact]
    public void A_workload_selector_KL811_reports_is_not_compared_with_the_template_by_KL103()
    {
        // `tier In ()` would match no template: KL103 stays silent, KL811 says why the API server refuses it.
        var yaml = $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: web}}\nspec:\n  selector:\n    matchLabels: {{app: other}}\n    matchExpressions:\n      - {{key: tier, operator: Equals, values: [x]}}\n{Template}";
        Assert.Equal(["KL811@8"], Ids(Lint(yaml)));
    }

    [Fact]
    public void Labels_directly_under_a_NetworkPolicy_selector_are_KL811_not_KL004()
    {
        var yaml = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db}\nspec:\n  podSelector:\n    app: db\n  ingress:\n    - from:\n        - namespaceSelector: {team: data}\n";
        var findings = Lint(yaml);
        Assert.Equal(["KL811@6", "KL811@9"], Ids(findings));
        Assert.Contains("leaving `{}`, which selects every pod of the policy's namespace", findings[0].Message);
        Assert.Contains("leaving `{}`, which selects every namespace", findings[1].Message);
    }

    [Fact]
    public void Other_unknown_fields_in_a_selector_requirement_are_still_KL004()
    {
        var yaml = $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: web}}\nspec:\n  selector:\n    matchLabels: {{app: web}}\n    matchExpressions:\n      - {{key: app, operator: In, value: [web]}}\n{Template}";
        Assert.Equal(["KL004@8", "KL811@8"], Ids(Lint(yaml)).OrderBy(s => s, StringComparer.Ordinal).ToList());
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("cluster: {kubernetesVersion: 1.35}", null)]
    [InlineData("cluster: {kubernetesVersion: 1.36}", "must not have bits set beyond the prefix length\"; write `10.0.0.0/24`")]
    public void Host_bits_in_a_cidr_are_refused_from_1_36(string config, string? message)
    {
        var yaml = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: out}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - ipBlock: {cidr: 10.0.0.5/24}\n";
        var findings = Lint(yaml, config).Where(f => f.RuleId == "KL819").ToList();
        if (message is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.Contains(message, Assert.Single(findings).Message);
            Assert.Contains("spec.egress[0].to[0].ipBlock.cidr: Invalid value: \"10.0.0.5/24\"", findings[0].Message);
        }
    }

    [Theory]
    [InlineData("010.0.0.0/8", "must not have leading 0s in IP or prefix length", "10.0.0.0/8")]
    [InlineData("10.0.0.0/08", "must not have leading 0s in IP or prefix length", "10.0.0.0/8")]
    [InlineData("::ffff:10.0.0.0/104", "must not have an IPv4-mapped IPv6 address", "10.0.0.0/8")]
    [InlineData("2001:db8::1/64", "must not have bits set beyond the prefix length", "2001:db8::/64")]
    public void Strict_cidr_problems_quote_the_API_server_and_give_the_canonical_form(string cidr, string reason, string canonical)
    {
        Assert.Equal(reason, Cidr.StrictProblem(cidr));
        Assert.Equal(canonical, Cidr.Parse(cidr)!.Value.Canonical());
    }
}
