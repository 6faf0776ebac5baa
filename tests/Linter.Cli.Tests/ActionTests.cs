using System.Diagnostics;
using System.Text.RegularExpressions;
using Linter.Tests;
using YamlDotNet.RepresentationModel;

namespace Linter.Cli.Tests;

/// <summary>
/// The composite action (action.yml at the repository root), its script steps run here as GitHub's runner runs them
/// (bash --noprofile --norc -eo pipefail, inputs through the environment, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
/// RUNNER_TEMP), on the examples, with no network: the tool is packed from this repository. The steps that use other
/// actions (actions/setup-dotnet, github/codeql-action/upload-sarif) need GitHub and are checked by their inputs only.
/// </summary>
public sealed class ActionTests : IDisposable
{
    private static readonly Regex Expression = new(@"\$\{\{\s*(.+?)\s*\}\}", RegexOptions.Compiled);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static YamlMappingNode Action()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Cli.Root, "action.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode action) =>
        ((YamlSequenceNode)((YamlMappingNode)action["runs"])["steps"]).Children.Cast<YamlMappingNode>().ToList();

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    [Fact]
    public void The_action_packs_the_tool_checks_the_examples_writes_the_summary_and_fails_on_errors()
    {
        var run = new ActionRun(_temp.Root, new Dictionary<string, string> { ["paths"] = "examples" });

        foreach (var step in Steps(Action()))
        {
            run.Step(step);
        }

        Assert.Equal("false", run.Outputs["sdk"]["missing"]);
        Assert.True(File.Exists(run.Outputs["install"]["kubelint"]), run.Log);
        Assert.Equal("1", run.Outputs["check"]["exit-code"]);
        var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(run.Outputs["check"]["sarif-file"])).RootElement.GetProperty("runs")[0];
        Assert.Equal(8, sarif.GetProperty("results").GetArrayLength());
        Assert.Equal("kubelint/", sarif.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.Contains("::error file=examples/shop/web.yaml,line=54,endLine=54,col=17,endColumn=21,title=KL205::", run.Log, StringComparison.Ordinal);
        Assert.Contains("## kubelint", run.Summaries["check"], StringComparison.Ordinal);
        Assert.Contains("```mermaid", run.Summaries["check"], StringComparison.Ordinal);
        Assert.Equal(["actions/setup-dotnet@v5", "github/codeql-action/upload-sarif@v4"], run.Skipped.Select(s => s.Uses));
        Assert.Equal(run.Outputs["check"]["sarif-file"], run.Skipped[1].With["sarif_file"]);
        Assert.Equal("kubelint", run.Skipped[1].With["category"]);
        Assert.Equal(1, run.LastExitCode);
        Assert.Contains("::error title=kubelint::findings at or above error", run.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0, "")]
    [InlineData("3", 3, "could not be read or parsed")]
    [InlineData("", 2, "kubelint did not run")]
    public void The_last_step_turns_the_exit_code_into_the_step_result(string exitCode, int expected, string message)
    {
        var run = new ActionRun(_temp.Root, new Dictionary<string, string>());
        run.Outputs["check"] = new Dictionary<string, string> { ["exit-code"] = exitCode };

        run.Step(Steps(Action())[^1]);

        Assert.Equal(expected, run.LastExitCode);
        Assert.Contains(message, run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Scripts_take_inputs_only_from_the_environment_and_every_input_is_documented_in_the_readme()
    {
        var action = Action();
        var readme = File.ReadAllText(Path.Combine(Cli.Root, "README.md"));

        Assert.All(Steps(action).Select(s => Scalar(s, "run")).OfType<string>(), script => Assert.DoesNotContain("${{", script, StringComparison.Ordinal));
        Assert.All(((YamlMappingNode)action["inputs"]).Children.Keys.Cast<YamlScalarNode>(), input => Assert.Contains($"| `{input.Value}` |", readme, StringComparison.Ordinal));
    }

    /// <summary>What GitHub's runner does for the steps of a composite action, as far as a test without network can.</summary>
    private sealed class ActionRun(string temp, Dictionary<string, string> given)
    {
        private readonly System.Text.StringBuilder _log = new();

        public Dictionary<string, Dictionary<string, string>> Outputs { get; } = [];

        public Dictionary<string, string> Summaries { get; } = [];

        public List<(string Uses, Dictionary<string, string> With)> Skipped { get; } = [];

        public int LastExitCode { get; private set; }

        public string Log => _log.ToString();

        public void Step(YamlMappingNode step)
        {
            var id = Scalar(step, "id") ?? $"step{Outputs.Count}";
            if (Scalar(step, "uses") is { } uses)
            {
                var with = step.Children.TryGetValue(new YamlScalarNode("with"), out var node)
                    ? ((YamlMappingNode)node).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => Evaluate(((YamlScalarNode)p.Value).Value!))
                    : [];
                Skipped.Add((uses, with));
                return;
            }

            var output = Path.Combine(temp, id + ".output");
            var summary = Path.Combine(temp, id + ".summary");
            File.WriteAllText(output, string.Empty);
            var script = Path.Combine(temp, id + ".sh");
            File.WriteAllText(script, Scalar(step, "run"));
            var start = new ProcessStartInfo("bash")
            {
                WorkingDirectory = Path.GetFullPath(Path.Combine(Cli.Root, Evaluate(Scalar(step, "working-directory") ?? "."))),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { "--noprofile", "--norc", "-eo", "pipefail", script })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["GITHUB_OUTPUT"] = output;
            start.Environment["GITHUB_STEP_SUMMARY"] = summary;
            start.Environment["RUNNER_TEMP"] = temp;
            if (step.Children.TryGetValue(new YamlScalarNode("env"), out var env))
            {
                foreach (var pair in ((YamlMappingNode)env).Children)
                {
                    start.Environment[((YamlScalarNode)pair.Key).Value!] = Evaluate(((YamlScalarNode)pair.Value).Value!);
                }
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _log.Append(process.StandardOutput.ReadToEnd()).Append(stderr.Result);
            process.WaitForExit();
            LastExitCode = process.ExitCode;
            Outputs[id] = File.ReadAllLines(output).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            Summaries[id] = File.Exists(summary) ? File.ReadAllText(summary) : string.Empty;
        }

        /// <summary>The expressions the action uses: inputs (given, else their defaults), github.action_path, step outputs.</summary>
        private string Evaluate(string text) => Expression.Replace(text, match =>
        {
            var parts = match.Groups[1].Value.Split('.');
            return parts switch
            {
                ["inputs", var name] => given.TryGetValue(name, out var value) ? value : Scalar((YamlMappingNode)((YamlMappingNode)Action()["inputs"])[name], "default") ?? string.Empty,
                ["github", "action_path"] => Cli.Root,
                ["steps", var step, "outputs", var name] => Outputs.TryGetValue(step, out var outputs) && outputs.TryGetValue(name, out var value) ? value : string.Empty,
                _ => throw new InvalidOperationException($"the test does not evaluate {match.Value}"),
            };
        });
    }
}
