namespace Linter.Core.Simulation.Dns;

/// <summary>
/// A word of a command line: its text, the item of an argument list it belongs to (0 for a shell
/// script), and where it starts in that item's string.
/// </summary>
public readonly record struct Word(string Text, int Item, int Index);

/// <summary>
/// Splits a shell script into simple commands (argument lists), the way <c>sh -c</c> would for the
/// cases that matter here: words, quotes, and the separators <c>; &amp; | ( ) newline</c>. No expansion.
/// </summary>
public static class ShellCommands
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh", "ksh" };

    public static bool IsShell(string program) => Shells.Contains(ProgramName(program));

    /// <summary>The basename of a program path: <c>/bin/ping</c> is <c>ping</c>.</summary>
    public static string ProgramName(string word)
    {
        var slash = word.LastIndexOf('/');
        return slash >= 0 ? word.Substring(slash + 1) : word;
    }

    /// <summary>The option that makes a shell read its script from the next argument: -c, -ec, -euxc, ...</summary>
    public static bool IsScriptOption(string word) =>
        word.Length >= 2 && word[0] == '-' && word[1] != '-' && word.EndsWith("c", StringComparison.Ordinal) && word.Skip(1).All(char.IsLetter);

    public static IReadOnlyList<IReadOnlyList<Word>> Split(string script)
    {
        var commands = new List<IReadOnlyList<Word>>();
        var current = new List<Word>();
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            if (c is ';' or '&' or '|' or '(' or ')' or '\n' or '`')
            {
                Flush(commands, ref current);
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(script[i - 1])))
            {
                while (i < script.Length && script[i] != '\n')
                {
                    i++;
                }
            }
            else
            {
                current.Add(ReadWord(script, ref i));
            }
        }

        Flush(commands, ref current);
        return commands;
    }

    private static Word ReadWord(string script, ref int i)
    {
        var start = i;
        var text = new System.Text.StringBuilder();
        var quotedStart = -1;
        while (i < script.Length && !char.IsWhiteSpace(script[i]) && script[i] is not (';' or '&' or '|' or '(' or ')' or '`'))
        {
            var c = script[i];
            if (c is '"' or '\'')
            {
                var close = script.IndexOf(c, i + 1);
                close = close < 0 ? script.Length : close;
                if (text.Length == 0)
                {
                    quotedStart = i + 1;
                }

                text.Append(script, i + 1, close - i - 1);
                i = Math.Min(script.Length, close + 1);
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return new Word(text.ToString(), 0, quotedStart >= 0 ? quotedStart : start);
    }

    private static void Flush(List<IReadOnlyList<Word>> commands, ref List<Word> current)
    {
        if (current.Count > 0)
        {
            commands.Add(current);
            current = [];
        }
    }
}
