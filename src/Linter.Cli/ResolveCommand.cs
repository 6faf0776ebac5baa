using System.CommandLine;
using Linter.Core.Engine;
using Linter.Core.Model;
using Linter.Core.Output;
using Linter.Core.Simulation;

namespace Linter.Cli;

internal static class ResolveCommand
{
    public static Command Create(Stream stdin, TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        var input = new InputOptions();
        var config = new ConfigOptions();
        var from = new Option<string[]>("--from")
        {
            Description = "NAMESPACE/WORKLOAD [NAME[:PORT]]: list the connections that workload's pods are configured to make and what NetworkPolicies decide for each; with NAME, show how NAME resolves from its pods, query by query through the search list, what it reaches and the verdict.",
            Arity = new ArgumentArity(1, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("resolve", "Show what the simulation sees before you deploy: each Service's ports and the pods and container ports they reach; each Ingress path and route rule (host, path, backend, service port) and the pods and container ports it reaches, or why none; or how a name resolves from a workload (--from).");
        input.AddTo(command);
        config.AddTo(command, withRules: false);
        command.Add(from);
        command.Add(format);
        command.SetAction(parse =>
        {
            if (SimulationRun.Run(parse, config, input, stdin, stderr, workingDirectory, LintEngine.Resolve) is not { } result)
            {
                return ExitCodes.UsageError;
            }

            var json = parse.GetValue(format) == "json";
            var code = parse.GetValue(from) is { Length: > 0 } request
                ? Trace(result.Snapshot, request[0], request.Length > 1 ? request[1] : null, json, stdout, stderr)
                : Table(result.Snapshot, json, stdout);
            return code == 0 && result.HasInputErrors ? ExitCodes.InputError : code;
        });
        return command;
    }

    private static int Table(ClusterSnapshot snapshot, bool json, TextWriter stdout)
    {
        Write(json, stdout, memory => ServiceTable.WriteJson(snapshot, memory), text =>
        {
            ServiceTable.WriteText(snapshot, text);
            new EntryTable(snapshot).WriteText(text);
        });
        return 0;
    }

    private static int Trace(ClusterSnapshot snapshot, string workloadRef, string? target, bool json, TextWriter stdout, TextWriter stderr)
    {
        var slash = workloadRef.IndexOf('/');
        var ns = slash > 0 ? workloadRef.Substring(0, slash) : snapshot.Options.DefaultNamespace;
        var name = slash > 0 ? workloadRef.Substring(slash + 1) : workloadRef;
        var workload = snapshot.Workloads.FirstOrDefault(w => w.Namespace == ns && w.Name == name && w.Template is not null);
        if (workload is null)
        {
            var candidates = snapshot.Workloads.Select(w => $"{w.Namespace}/{w.Name}").Distinct().ToList();
            var nearest = EditDistance.Nearest($"{ns}/{name}", candidates);
            stderr.WriteLine($"kubelint: no workload {name} in namespace {ns}{(nearest is null ? string.Empty : $"; did you mean {nearest}?")}");
            return ExitCodes.UsageError;
        }

        if (target is null)
        {
            Write(json, stdout, memory => ConnectionVerdicts.WriteListJson(snapshot, workload, memory), text => ConnectionVerdicts.WriteList(snapshot, workload, text));
            return 0;
        }

        var colon = target.LastIndexOf(':');
        int? port = colon > 0 && int.TryParse(target.Substring(colon + 1), out var p) ? p : null;
        var host = port is null ? target : target.Substring(0, colon);
        var trace = DnsTrace.For(snapshot, workload, host, port);
        Write(json, stdout, trace.WriteJson, trace.WriteText);
        return 0;
    }

    private static void Write(bool json, TextWriter stdout, Action<Stream> writeJson, Action<TextWriter> writeText)
    {
        if (json)
        {
            using var memory = new MemoryStream();
            writeJson(memory);
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(memory.ToArray()));
        }
        else
        {
            writeText(stdout);
        }
    }
}
