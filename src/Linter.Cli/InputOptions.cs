using System.CommandLine;
using Linter.Core.Loading;

namespace Linter.Cli;

/// <summary>The options every command that reads manifests shares: the paths and the default namespace.</summary>
internal sealed class InputOptions
{
    public Argument<string[]> Paths { get; } = new("path")
    {
        Description = "Files, directories (searched recursively for *.yaml, *.yml, *.json; hidden files and folders and node_modules skipped), globs such as 'deploy/**/*.yaml', or - for standard input. Default: the current directory.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "The namespace of objects that do not name one, as 'kubectl apply -n' would place them. Default: the config file's cluster.defaultNamespace, else default.",
    };

    public Option<string?> ClusterDomain { get; } = new("--cluster-domain")
    {
        Description = "The cluster's DNS domain (kubelet --cluster-domain), used to resolve names such as api.shop.svc.cluster.local. Default: the config file's cluster.clusterDomain, else cluster.local.",
    };

    public InputOptions()
    {
        Paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("-", StringComparison.Ordinal) && t.Value != "-"))
            {
                result.AddError($"unknown option '{token.Value}'");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Add(Paths);
        command.Add(Namespace);
        command.Add(ClusterDomain);
    }

    public IReadOnlyList<string> PathArguments(ParseResult parse) => parse.GetValue(Paths) is { Length: > 0 } given ? given : ["."];

    public IReadOnlyList<InputSource> Inputs(ParseResult parse, Stream stdin, string workingDirectory) =>
        PathArguments(parse).Select(p => p == "-" ? InputSource.FromStream("<stdin>", stdin) : InputSource.FromPath(Path.Combine(workingDirectory, p))).ToList();
}
