using System.Text;
using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Hostile.Tests;

/// <summary>
/// Inputs whose simulation grew with the product of their parts: many Services over the same pods. The selection is
/// kept once per selector, not as a list of (Service, pod) pairs; the test holds that through shared instances and the
/// time budget.
/// </summary>
public sealed class MemoryTests
{
    [Fact]
    public void Five_thousand_Services_selecting_the_same_five_thousand_pods_share_one_selection()
    {
        const int count = 5_000;
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append("apiVersion: v1\nkind: Pod\nmetadata: {name: pod-").Append(i).Append(", labels: {app: web}}\n")
                .Append("spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}\n---\n");
        }

        for (var i = 0; i < count; i++)
        {
            text.Append("apiVersion: v1\nkind: Service\nmetadata: {name: svc-").Append(i).Append("}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n---\n");
        }

        using var hostile = new Hostile();
        var result = hostile.Lint(InputSource.FromPath(hostile.Write("services.yaml", text.ToString())));

        var resolutions = result.Snapshot.Services.Select(result.Snapshot.Resolve).ToList();
        Assert.Equal(count, resolutions.Count);
        Assert.All(resolutions, r => Assert.Same(resolutions[0].Selected, r.Selected));
        Assert.All(resolutions, r => Assert.Same(resolutions[0].Ports[0].Backends, r.Ports[0].Backends));
        Assert.Equal(count, resolutions[0].Selected.Count);

        var spread = result.Findings.Where(f => f.RuleId == "KL104").ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => 5 * count + 5 * i + 4), spread.Select(f => f.Location.Line));
        Assert.All(spread, f => Assert.Equal(spread[0].Related, f.Related));
        Assert.Equal(Finding.MaxRelated, spread[0].Related.Count);
        Assert.Contains($"{count} workloads", spread[0].Message);
    }
}
