using Linter.Core.Loading;
using Linter.Core.Rules;

namespace Linter.Core.Tests;

public sealed class FindingFingerprintTests
{
    private static readonly SourceFile App = new("app.yaml", "kind: Service\nmetadata: {name: web}\nkind: Service\nmetadata: {name: web}\n");
    private static readonly SourceFile Other = new("other.yaml", "kind: Service\nmetadata: {name: web}\n");

    private static Finding At(SourceFile file, int line, string message = "Service web selects nothing") =>
        new("KL101", Severity.Warning, message, new SourceSpan(file.Path, line, 17, line, 20), []);

    [Fact]
    public void Equal_findings_of_a_file_are_counted_in_order_and_each_file_counts_its_own()
    {
        // Lines 2 and 4 read the same, as does line 2 of the other file: one digest, told apart by the count per file.
        var findings = new[] { At(App, 2), At(App, 4), At(Other, 2), At(App, 1, "kind") };
        var files = new[] { App, Other }.ToDictionary(f => f.Path, StringComparer.Ordinal);

        var prints = FindingFingerprint.Compute(findings, files);

        var digest = prints[0].Split(':')[0];
        Assert.Equal([$"{digest}:1", $"{digest}:2", $"{digest}:1"], prints.Take(3));
        Assert.Matches("^[0-9a-f]{24}:1$", prints[3]);
        Assert.NotEqual(digest, prints[3].Split(':')[0]);
    }

    [Fact]
    public void Line_numbers_in_a_message_do_not_change_its_fingerprint_and_many_findings_keep_their_order()
    {
        var files = new[] { App }.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var moved = FindingFingerprint.Compute([At(App, 2, "first on line 3, see app.yaml:3:5")], files);
        var same = FindingFingerprint.Compute([At(App, 2, "first on line 9, see app.yaml:9:1")], files);
        Assert.Equal(moved, same);

        // Enough findings to be spread over the cores, two kinds alternating: each keeps its place and its own count.
        var a = FindingFingerprint.Compute([At(App, 2)], files)[0].Split(':')[0];
        var b = FindingFingerprint.Compute([At(App, 1, "kind")], files)[0].Split(':')[0];
        var prints = FindingFingerprint.Compute(Enumerable.Range(0, 500).Select(i => i % 2 == 0 ? At(App, 2) : At(App, 1, "kind")).ToList(), files);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => i % 2 == 0 ? $"{a}:{(i / 2) + 1}" : $"{b}:{(i + 1) / 2}"), prints);
    }
}
