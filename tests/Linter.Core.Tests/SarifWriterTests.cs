using System.Text;
using Linter.Core.Output.Sarif;

namespace Linter.Core.Tests;

/// <summary>The SARIF log's JSON: the schema's names in the records' order, two-space indents, null properties left
/// out, and quotes and angle brackets unescaped for readers.</summary>
public sealed class SarifWriterTests
{
    [Fact]
    public void A_log_is_written_as_the_schema_names_it_without_null_properties()
    {
        var region = new SarifRegion(3, 5, 3, 9);
        var artifact = new SarifArtifactLocation("deploy/web.yaml", "SRCROOT");
        var rule = new SarifRule(
            "KL203", "NamedTargetPortNotFound", new SarifText("short"), new SarifText("full"), new SarifText("help", "**help**"), null,
            new SarifConfiguration("error"), new SarifRuleProperties(["kubernetes", "ports"], "high", "error"));
        var result = new SarifResult(
            "KL203", 0, "error", new SarifText("port 'http' <none>"),
            [new SarifLocation(null, new SarifPhysicalLocation(artifact, region))],
            [new SarifLocation(1, new SarifPhysicalLocation(artifact, region), new SarifText("the pod"))],
            new SarifFingerprints("abc:1", "0f1e2d3c4b5a6978:1"))
        {
            Suppressions = [new SarifSuppression("inSource", "silenced by comment")],
        };
        var run = new SarifRun(
            new SarifTool(new SarifDriver("kubelint", "1.0.0", "https://example.com", [rule])),
            null,
            [new SarifInvocation(true, 0, [new SarifNotification("warning", new SarifText("note"))])],
            new Dictionary<string, SarifArtifactLocation> { ["SRCROOT"] = new("file:///repo/") },
            "utf16CodeUnits",
            [result]);

        using var stream = new MemoryStream();
        SarifWriter.Write(stream, new SarifLog("https://json.schemastore.org/sarif-2.1.0.json", "2.1.0", [run]));

        const string expected = """
            {
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": {
                    "driver": {
                      "name": "kubelint",
                      "semanticVersion": "1.0.0",
                      "informationUri": "https://example.com",
                      "rules": [
                        {
                          "id": "KL203",
                          "name": "NamedTargetPortNotFound",
                          "shortDescription": {
                            "text": "short"
                          },
                          "fullDescription": {
                            "text": "full"
                          },
                          "help": {
                            "text": "help",
                            "markdown": "**help**"
                          },
                          "defaultConfiguration": {
                            "level": "error"
                          },
                          "properties": {
                            "tags": [
                              "kubernetes",
                              "ports"
                            ],
                            "precision": "high",
                            "problem.severity": "error"
                          }
                        }
                      ]
                    }
                  },
                  "invocations": [
                    {
                      "executionSuccessful": true,
                      "exitCode": 0,
                      "toolExecutionNotifications": [
                        {
                          "level": "warning",
                          "message": {
                            "text": "note"
                          }
                        }
                      ]
                    }
                  ],
                  "originalUriBaseIds": {
                    "SRCROOT": {
                      "uri": "file:///repo/"
                    }
                  },
                  "columnKind": "utf16CodeUnits",
                  "results": [
                    {
                      "ruleId": "KL203",
                      "ruleIndex": 0,
                      "level": "error",
                      "message": {
                        "text": "port 'http' <none>"
                      },
                      "locations": [
                        {
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "deploy/web.yaml",
                              "uriBaseId": "SRCROOT"
                            },
                            "region": {
                              "startLine": 3,
                              "startColumn": 5,
                              "endLine": 3,
                              "endColumn": 9
                            }
                          }
                        }
                      ],
                      "relatedLocations": [
                        {
                          "id": 1,
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "deploy/web.yaml",
                              "uriBaseId": "SRCROOT"
                            },
                            "region": {
                              "startLine": 3,
                              "startColumn": 5,
                              "endLine": 3,
                              "endColumn": 9
                            }
                          },
                          "message": {
                            "text": "the pod"
                          }
                        }
                      ],
                      "partialFingerprints": {
                        "kubelint/v1": "abc:1",
                        "primaryLocationLineHash": "0f1e2d3c4b5a6978:1"
                      },
                      "suppressions": [
                        {
                          "kind": "inSource",
                          "justification": "silenced by comment"
                        }
                      ]
                    }
                  ]
                }
              ]
            }
            """;
        Assert.Equal(expected.Replace("\r\n", "\n"), Encoding.UTF8.GetString(stream.ToArray()).Replace(Environment.NewLine, "\n"));
    }
}
