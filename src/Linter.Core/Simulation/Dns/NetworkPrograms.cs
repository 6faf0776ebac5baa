namespace Linter.Core.Simulation.Dns;

/// <summary>The host word (and port word) a network program is aimed at.</summary>
public sealed record ProgramTarget(Word Host, Word? Port, bool IsPing)
{
    /// <summary>The program as run (<c>ping</c>, <c>fping</c>, <c>nc</c>), without its directory.</summary>
    public string Program { get; init; } = string.Empty;
}

/// <summary>
/// Recognises the host argument of the network programs that appear in containers' commands and probes:
/// <c>ping HOST</c>, <c>nc -z HOST PORT</c>, <c>nslookup HOST</c>, <c>redis-cli -h HOST -p PORT</c>.
/// Only the program being run counts: in <c>redis-cli ping</c>, <c>ping</c> is an argument.
/// </summary>
public static class NetworkPrograms
{
    private static readonly HashSet<string> Pings = new(StringComparer.Ordinal) { "ping", "ping6", "fping", "arping" };
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "nc", "ncat", "netcat", "telnet" };
    private static readonly HashSet<string> Lookups = new(StringComparer.Ordinal) { "nslookup", "dig", "host" };
    private static readonly HashSet<string> Clients = new(StringComparer.Ordinal) { "redis-cli", "psql", "pg_isready", "mysql", "mysqladmin" };

    /// <summary>Words that come before the program itself.</summary>
    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal)
    {
        "do", "then", "else", "until", "while", "if", "!", "exec", "sudo", "time", "nohup", "command", "busybox", "{",
    };

    /// <summary>Options that take a value, per program family (the value is not the host).</summary>
    private static readonly HashSet<string> PingOptionsWithValue = new(StringComparer.Ordinal)
    {
        "-c", "-i", "-w", "-W", "-s", "-t", "-I", "-l", "-p", "-Q", "-S", "-M", "-T", "-m", "-B", "-r", "-C", "-g",
    };

    private static readonly HashSet<string> NcOptionsWithValue = new(StringComparer.Ordinal) { "-w", "-i", "-p", "-s", "-q", "-x", "-X", "-e", "-c" };

    /// <summary>The host (and port) a command is aimed at, when its program is a known network program.</summary>
    public static ProgramTarget? Target(IReadOnlyList<Word> command)
    {
        var programIndex = 0;
        while (programIndex < command.Count && (Prefixes.Contains(command[programIndex].Text) || IsAssignment(command[programIndex].Text)))
        {
            programIndex++;
        }

        if (programIndex < command.Count && command[programIndex].Text == "timeout")
        {
            programIndex += 2;
            while (programIndex < command.Count && command[programIndex - 1].Text.StartsWith("-", StringComparison.Ordinal))
            {
                programIndex++;
            }
        }

        if (programIndex >= command.Count)
        {
            return null;
        }

        var program = ShellCommands.ProgramName(command[programIndex].Text);
        var args = command.Skip(programIndex + 1).ToList();
        if (Pings.Contains(program))
        {
            return Positional(args, PingOptionsWithValue, 0) is { } host ? Candidate(host, null, isPing: true, program) : null;
        }

        if (Connectors.Contains(program))
        {
            var host = Positional(args, NcOptionsWithValue, 0);
            return host is null ? null : Candidate(host.Value, Positional(args, NcOptionsWithValue, 1), isPing: false, program);
        }

        if (Lookups.Contains(program))
        {
            return Positional(args, [], 0) is { } host ? Candidate(host, null, isPing: false, program) : null;
        }

        if (Clients.Contains(program))
        {
            var host = OptionValue(args, "-h", "--host");
            return host is null ? null : Candidate(host.Value, OptionValue(args, "-p", "--port") ?? OptionValue(args, "-P", "--port"), isPing: false, program);
        }

        return null;
    }

    /// <summary>A host name; for ping, also an address (a Service's literal cluster IP does not answer it either).</summary>
    private static ProgramTarget? Candidate(Word host, Word? port, bool isPing, string program) =>
        HostSyntax.IsCandidate(host.Text) || (isPing && HostSyntax.IsIpAddress(host.Text)) ? new ProgramTarget(host, port, isPing) { Program = program } : null;

    private static bool IsAssignment(string word) => word.IndexOf('=') > 0 && !word.StartsWith("-", StringComparison.Ordinal);

    private static Word? Positional(IReadOnlyList<Word> args, HashSet<string> optionsWithValue, int position)
    {
        var seen = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i].Text;
            if (word.StartsWith("-", StringComparison.Ordinal))
            {
                i += optionsWithValue.Contains(word) ? 1 : 0;
                continue;
            }

            if (seen++ == position)
            {
                return args[i];
            }
        }

        return null;
    }

    private static Word? OptionValue(IReadOnlyList<Word> args, string shortName, string longName)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i].Text;
            if ((word == shortName || word == longName) && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (word.StartsWith(longName + "=", StringComparison.Ordinal))
            {
                return new Word(word.Substring(longName.Length + 1), args[i].Item, args[i].Index + longName.Length + 1);
            }
        }

        return null;
    }
}
