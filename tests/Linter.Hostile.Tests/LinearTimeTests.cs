using System.Text;
using Linter.Core.Engine;
using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Hostile.Tests;

/// <summary>
/// Inputs that took quadratic (or worse) time after loading: long strings scanned for host names, many strings with
/// template markers, many copies of one object, many suppressions. Each is large enough that the old code ran past the
/// budget or for many seconds; each asserts the findings and their positions, never a time.
/// </summary>
public sealed class LinearTimeTests
{
    /// <summary>A Service <c>db</c> in namespace shop with port 5432; the ConfigMap lines follow from line 10.</summary>
    private const string Head = "apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: shop}\nspec: {selector: {app: db}, ports: [{port: 5432}]}\n---\n" +
                                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big, namespace: shop}\ndata:\n";

    /// <summary>A URL with a port the Service does not expose: KL303 at the port.</summary>
    private const string WrongPort = "http://db.shop:5433/x";

    [Theory]
    [InlineData("scalar")]
    [InlineData("token")]
    [InlineData("http")]
    public void A_long_value_is_scanned_once_and_the_name_after_it_is_found(string kind)
    {
        var filler = kind switch
        {
            "scalar" => new string('a', 10_000_000),
            "token" => Repeat("a1-b2.c3", 1_000_000 / 8),
            _ => Repeat("http://", 20_000),
        };
        var line = "  value: " + filler + " " + WrongPort;
        var result = LintText(Head + line + "\n");

        var finding = Assert.Single(result.Findings, f => f.RuleId == "KL303");
        Assert.Equal((10, line.IndexOf(":5433", StringComparison.Ordinal) + 2), (finding.Location.Line, finding.Location.Column));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "KL001");
    }

    [Fact]
    public void Five_thousand_URLs_in_one_value_are_each_found_at_their_port()
    {
        var urls = Enumerable.Range(0, 5_000).Select(i => $"http://db.shop:{6000 + i}/p").ToList();
        var line = "  value: " + string.Join(" ", urls);
        var result = LintText(Head + line + "\n");

        var columns = result.Findings.Where(f => f.RuleId == "KL303").Select(f => (f.Location.Line, f.Location.Column)).ToList();
        var expected = urls.Select(u => (10, line.IndexOf(u, StringComparison.Ordinal) + "http://db.shop:".Length + 1)).ToList();
        Assert.Equal(expected, columns);
    }

    [Fact]
    public void The_name_after_150_thousand_URLs_in_a_block_scalar_is_found_at_its_port()
    {
        const int lines = 150_000;
        var text = new StringBuilder(Head).Append("  value: |\n");
        for (var i = 0; i < lines; i++)
        {
            text.Append("    upstream = http://db.shop:5432/p\n");
        }

        const string last = "    upstream = " + WrongPort;
        var result = LintText(text.Append(last).Append('\n').ToString());

        var finding = Assert.Single(result.Findings, f => f.RuleId == "KL303");
        Assert.Equal((11 + lines, last.IndexOf(":5433", StringComparison.Ordinal) + 2), (finding.Location.Line, finding.Location.Column));
    }

    [Fact]
    public void A_ConfigMap_with_forty_thousand_keys_has_a_finding_on_each_key()
    {
        const int keys = 40_000;
        var text = new StringBuilder(Head);
        for (var i = 0; i < keys; i++)
        {
            text.Append("  key-").Append(i).Append(": ").Append(WrongPort).Append('\n');
        }

        var result = LintText(text.ToString());

        var positions = result.Findings.Where(f => f.RuleId == "KL303").Select(f => (f.Location.Line, f.Location.Column));
        var expected = Enumerable.Range(0, keys).Select(i => (10 + i, $"  key-{i}: {WrongPort}".IndexOf(":5433", StringComparison.Ordinal) + 2));
        Assert.Equal(expected, positions);
    }

    [Fact]
    public void Forty_thousand_template_markers_inside_strings_are_data()
    {
        var text = new StringBuilder();
        for (var map = 0; map < 400; map++)
        {
            text.Append("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: alerts-").Append(map).Append("}\ndata:\n");
            for (var key = 0; key < 100; key++)
            {
                text.Append("  alert-").Append(key).Append(": \"{{ $labels.instance }} is down\" # {{ not a template }}\n");
            }

            text.Append("---\n");
        }

        var result = LintText(text.ToString());

        Assert.Empty(result.All);
        Assert.Equal(400, result.Snapshot.Objects.Count);
    }

    [Fact]
    public void Forty_thousand_objects_with_one_name_are_each_a_copy_of_the_first()
    {
        const int copies = 40_000;
        var text = new StringBuilder();
        for (var i = 0; i < copies; i++)
        {
            text.Append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: same\ndata: {key: v").Append(i).Append("}\n---\n");
        }

        var result = LintText(text.ToString());

        var copiesFound = result.Findings.Where(f => f.RuleId == "KL005").ToList();
        Assert.Equal(Enumerable.Range(1, copies - 1).Select(i => 6 * i + 4), copiesFound.Select(f => f.Location.Line));
        Assert.All(copiesFound, f => Assert.Equal(4, f.Related.Single().Span.Line));
    }

    [Fact]
    public void Forty_thousand_suppression_comments_each_silence_their_line()
    {
        const int objects = 40_000;
        var text = new StringBuilder();
        for (var i = 0; i <= objects; i++)
        {
            text.Append("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-").Append(i).Append("}\ndata:\n");
            text.Append(i < objects ? "  # kubelint-disable-next-line KL003\n" : "  # the last one is not silenced\n");
            text.Append("  key: {a: b}\n---\n");
        }

        var result = LintText(text.ToString());

        var wrongTypes = result.All.Where(f => f.RuleId == "KL003").ToList();
        Assert.Equal(objects + 1, wrongTypes.Count);
        Assert.All(wrongTypes.Take(objects), f => Assert.Equal("comment kubelint-disable-next-line", f.SuppressedBy));
        var active = Assert.Single(result.Findings);
        Assert.Equal(("KL003", 7 * objects + 6), (active.RuleId, active.Location.Line));
    }

    [Theory]
    [InlineData("annotation")]
    [InlineData("block")]
    [InlineData("block left open")]
    public void Forty_thousand_range_suppressions_each_silence_their_object(string kind)
    {
        const int objects = 40_000;
        var text = new StringBuilder();
        for (var i = 0; i <= objects; i++)
        {
            var silenced = i < objects;
            text.Append("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-").Append(i);
            text.Append(silenced && kind == "annotation" ? ", annotations: {kubelint.io/ignore: KL003}}\n" : "}\n");
            text.Append("data:\n");
            text.Append(silenced && kind != "annotation" ? "  # kubelint-disable KL003\n" : "  # the last one is not silenced\n");
            text.Append("  key: {a: b}\n");
            text.Append(silenced && kind == "block" ? "  # kubelint-enable KL003\n" : "  # nothing\n");
            text.Append("---\n");
        }

        var result = LintText(text.ToString());

        var wrongTypes = result.All.Where(f => f.RuleId == "KL003").ToList();
        Assert.Equal(objects + 1, wrongTypes.Count);
        if (kind == "block left open")
        {
            // A block never closed reaches the end of the file: the first one silences every finding after it.
            Assert.All(wrongTypes, f => Assert.Equal("comment kubelint-disable", f.SuppressedBy));
            Assert.Equal(objects - 1, result.Findings.Count(f => f.RuleId == "KL008"));
            return;
        }

        Assert.All(wrongTypes.Take(objects), f => Assert.NotNull(f.SuppressedBy));
        var active = Assert.Single(result.Findings);
        Assert.Equal(("KL003", 8 * objects + 6), (active.RuleId, active.Location.Line));
    }

    [Fact]
    public void A_ten_megabyte_ConfigMap_read_by_two_thousand_pods_is_scanned_for_listening_ports_once()
    {
        // Digits, colons, flags and keys with no port the pods listen on; the number they serve comes last.
        const int pods = 2_000;
        var filler = Repeat("12:30 port 0 --workers=9 1.2.3 :: ", 10_000_000 / 35);
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  app.conf: \"")
            .Append(filler).Append(" listen 8443;\"\n---\n");
        for (var i = 0; i < pods; i++)
        {
            text.Append("apiVersion: v1\nkind: Pod\nmetadata: {name: p").Append(i).Append(", labels: {app: a").Append(i).Append("}}\n")
                .Append("spec: {containers: [{name: c, image: app, ports: [{containerPort: 9090}], envFrom: [{configMapRef: {name: big}}]}]}\n---\n")
                .Append("apiVersion: v1\nkind: Service\nmetadata: {name: s").Append(i).Append("}\n")
                .Append("spec: {selector: {app: a").Append(i).Append("}, ports: [{name: a, port: 80, targetPort: 8443}, {name: b, port: 81, targetPort: 8444}]}\n---\n");
        }

        var result = LintText(text.ToString());

        Assert.Equal(pods, result.Findings.Count(f => f.RuleId == "KL202"));
        Assert.All(result.Findings.Where(f => f.RuleId == "KL202"), f => Assert.StartsWith("targetPort 8444 ", f.Message));
    }

    private static string Repeat(string part, int times) => new StringBuilder(part.Length * times).Insert(0, part, times).ToString();

    private static LintResult LintText(string text)
    {
        using var hostile = new Hostile();
        return hostile.Lint(InputSource.FromPath(hostile.Write("hostile.yaml", text)));
    }
}
