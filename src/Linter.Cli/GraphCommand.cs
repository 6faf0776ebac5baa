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
            if (SimulationRun.Run(parse, config, input, stdin, stderr, workingDirectory, LintEngine.Run) is not { } result)
            {
                return ExitCodes.UsageError;
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
