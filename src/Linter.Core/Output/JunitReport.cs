using System.Text;
using System.Xml;
using Linter.Core.Engine;

namespace Linter.Core.Output;

/// <summary>
/// JUnit XML for CI systems that show test reports: one suite per rule, one test case per rule and
/// file; a test case fails with the rule's findings in that file.
/// </summary>
internal sealed class JunitReport : IReportWriter
{
    public string Name => "junit";

    public string Description => "JUnit XML for test report views: a suite per rule, a test case per rule and file";

    public void Write(LintResult result, TextWriter output, ReportContext context) =>
        Utf8Document.Write(output, stream => Write(result, stream));

    /// <summary>Written as it goes (no document tree in memory): a run over many files makes many test cases.</summary>
    private static void Write(LintResult result, Stream output)
    {
        var byRuleAndFile = result.Findings.ToLookup(f => (f.RuleId, f.Location.Path));
        var files = result.Files.Select(f => f.Path).ToList();
        var failing = result.Rules.ToDictionary(r => r.Id, r => files.Count(file => byRuleAndFile.Contains((r.Id, file))), StringComparer.Ordinal);
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "kubelint");
        xml.WriteAttributeString("tests", Number(result.Rules.Count * files.Count));
        xml.WriteAttributeString("failures", Number(failing.Values.Sum()));
        foreach (var rule in result.Rules)
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", $"{rule.Id} {rule.Title}");
            xml.WriteAttributeString("tests", Number(files.Count));
            xml.WriteAttributeString("failures", Number(failing[rule.Id]));
            foreach (var file in files)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", $"{rule.Id}.{rule.Slug}");
                xml.WriteAttributeString("name", XmlSafe(file));
                var findings = byRuleAndFile[(rule.Id, file)].ToList();
                if (findings.Count > 0)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("type", findings.Max(f => f.Severity).ToString().ToLowerInvariant());
                    xml.WriteAttributeString("message", $"{findings.Count} finding{(findings.Count == 1 ? string.Empty : "s")} of {rule.Id}");
                    xml.WriteString(XmlSafe(string.Join("\n", findings.Select(f => $"{f.Location}: {f.Severity.ToString().ToLowerInvariant()} {f.RuleId}: {f.Message}"))));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

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
