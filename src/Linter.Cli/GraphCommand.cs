using System.CommandLine;
using Linter.Core.Engine;
using Linter.Core.Output;

namespace Linter.Cli;

internal static class GraphCommand
{
    public static Command Create(Stream stdin, TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        var input = new InputOptions();
        var config = new ConfigOptions();
        var format = new Option<string>("--format", "-f")
        {
            Description = "mermaid (a flowchart GitHub and GitLab render in Markdown) or dot (Graphviz: dot -Tsvg). Default: mermaid.",
            DefaultValueFactory = _ => "mermaid",
        };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var command = new Command(
            "graph",
            "Print the traffic the simulation built as a diagram: each Ingress and route to the Services it sends to, each Service to the workloads it selects, each workload to the Services and pods whose names it uses through cluster DNS. A hop a finding breaks is red and labelled with the rule ids; something missing (a Service, pods, a name) is a dashed box. The markdown format of check includes the same diagram.");
        input.AddTo(command);
        config.AddTo(command, withRules: true);
        command.Add(format);
        command.SetAction(parse =>
        {
            var setup = config.Setup(parse, input, workingDirectory, failOn: null, stderr);
            if (setup is null)
            {
                return ExitCodes.UsageError;
            }

            var result = LintEngine.Run(setup.Request(input.Inputs(parse, stdin, workingDirectory)));
            if (result.NothingLinted is { } why)
            {
                stderr.WriteLine("kubelint: " + why);
                return ExitCodes.UsageError;
            }

            foreach (var problem in result.Files.Where(f => f.Failed).SelectMany(f => f.Problems))
            {
                stderr.WriteLine($"kubelint: {problem.Span}: {problem.Message}");
            }

            var graph = TrafficGraph.Of(result);
            if (parse.GetValue(format) == "dot")
            {
                TrafficDiagram.WriteDot(graph, stdout);
            }
            else
            {
                TrafficDiagram.WriteMermaid(graph, stdout);
            }

            return result.HasInputErrors ? ExitCodes.InputError : ExitCodes.Clean;
        });
        return command;
    }
}
