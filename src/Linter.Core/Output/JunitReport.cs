using System.Text;
using System.Xml;
using Linter.Core.Engine;
using Linter.Core.Rules;

namespace Linter.Core.Output;

/// <summary>
/// JUnit XML for CI systems that show test reports: one test case per rule (or per linted file, <see cref="JunitCases"/>).
/// A test case fails with its findings at or above <c>--fail-on</c>, so the report agrees with the exit code; findings
/// below it are listed in the test case's output.
/// </summary>
internal sealed class JunitReport : IReportWriter
{
    public string Name => "junit";

    public string Description => "JUnit XML for test report views: a test case per rule (--junit-cases file: per file), failing with findings at or above --fail-on";

    public bool ShowsFingerprints => false;

    public void Write(LintResult result, TextWriter output, ReportContext context) =>
        Utf8Document.Write(output, stream => Write(Cases(result, context), context.FailOn, stream));

    private sealed record TestCase(string ClassName, string Name, IReadOnlyList<Finding> Findings);

    private static List<TestCase> Cases(LintResult result, ReportContext context)
    {
        if (context.JunitCases == JunitCases.File)
        {
            var byFile = result.Findings.ToLookup(f => f.Location.Path, StringComparer.Ordinal);
            return result.Files.Select(f => new TestCase("kubelint", f.Path, byFile[f.Path].ToList())).ToList();
        }

        var byRule = result.Findings.ToLookup(f => f.RuleId, StringComparer.Ordinal);
        return result.Rules.Select(r => new TestCase($"kubelint.{r.Family}", $"{r.Id} {r.Slug}", byRule[r.Id].ToList())).ToList();
    }

    /// <summary>Written as it goes (no document tree in memory): a run over many files makes many test cases.</summary>
    private static void Write(List<TestCase> cases, Severity? failOn, Stream output)
    {
        bool Fails(Finding f) => failOn is { } threshold && f.Severity >= threshold;
        var failures = cases.Count(c => c.Findings.Any(Fails));
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "kubelint");
        xml.WriteAttributeString("tests", Number(cases.Count));
        xml.WriteAttributeString("failures", Number(failures));
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "kubelint");
        xml.WriteAttributeString("tests", Number(cases.Count));
        xml.WriteAttributeString("failures", Number(failures));
        foreach (var testCase in cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", testCase.ClassName);
            xml.WriteAttributeString("name", XmlSafe(testCase.Name));
            var failing = testCase.Findings.Where(Fails).ToList();
            if (failing.Count > 0)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("type", failing.Max(f => f.Severity).ToText());
                xml.WriteAttributeString("message", $"{failing.Count} finding{(failing.Count == 1 ? string.Empty : "s")} at or above {failOn!.Value.ToText()}");
                xml.WriteString(Lines(failing));
                xml.WriteEndElement();
            }

            var passing = testCase.Findings.Where(f => !Fails(f)).ToList();
            if (passing.Count > 0)
            {
                xml.WriteElementString("system-out", Lines(passing));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static string Lines(IEnumerable<Finding> findings) =>
        XmlSafe(string.Join("\n", findings.Select(f => $"{f.Location}: {f.Severity.ToText()} {f.RuleId}: {f.Message}")));

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 forbids most control characters even escaped: they are written as <c>\uXXXX</c> text instead.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                safe.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                safe.Append(c).Append(text[++i]);
            }
            else
            {
                Printable.AppendEscaped(safe, c);
            }
        }

        return safe.ToString();
    }
}
