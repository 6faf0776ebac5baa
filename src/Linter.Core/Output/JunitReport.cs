using System.Text;
using System.Xml;
using System.Xml.Linq;
using Linter.Core.Engine;

namespace Linter.Core.Output;

/// <summary>
/// JUnit XML for CI systems that show test reports: one suite per rule, one test case per rule and
/// file; a test case fails with the rule's findings in that file.
/// </summary>
public sealed class JunitReport : IReportWriter
{
    public string Name => "junit";

    public string Description => "JUnit XML for test report views: a suite per rule, a test case per rule and file";

    public void Write(LintResult result, TextWriter output, ReportContext context) =>
        Utf8Document.Write(output, stream => Write(result, stream));

    private static void Write(LintResult result, Stream output)
    {
        var byRuleAndFile = result.Findings.ToLookup(f => (f.RuleId, f.Location.Path));
        var files = result.Files.Select(f => f.Path).ToList();
        var suites = result.Rules.Select(rule =>
        {
            var cases = files.Select(file =>
            {
                var findings = byRuleAndFile[(rule.Id, file)].ToList();
                var testCase = new XElement("testcase", new XAttribute("classname", $"{rule.Id}.{rule.Slug}"), new XAttribute("name", file));
                if (findings.Count > 0)
                {
                    testCase.Add(new XElement("failure",
                        new XAttribute("type", findings.Max(f => f.Severity).ToString().ToLowerInvariant()),
                        new XAttribute("message", $"{findings.Count} finding{(findings.Count == 1 ? string.Empty : "s")} of {rule.Id}"),
                        string.Join("\n", findings.Select(f => $"{f.Location}: {f.Severity.ToString().ToLowerInvariant()} {f.RuleId}: {f.Message}"))));
                }

                return testCase;
            }).ToList();
            return new XElement("testsuite",
                new XAttribute("name", $"{rule.Id} {rule.Title}"),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
                cases);
        }).ToList();

        var document = new XDocument(new XElement("testsuites",
            new XAttribute("name", "kubelint"),
            new XAttribute("tests", suites.Sum(s => (int)s.Attribute("tests")!)),
            new XAttribute("failures", suites.Sum(s => (int)s.Attribute("failures")!)),
            suites));
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        document.Save(writer);
    }
}
