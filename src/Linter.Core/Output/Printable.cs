using System.Text;

namespace Linter.Core.Output;

/// <summary>
/// Text from the input (file names, values quoted in messages, source lines) made safe for a terminal or a CI log:
/// a line break or a control character would otherwise start a new line that a CI runner reads as a command
/// (<c>::error file=…::</c> in GitHub Actions) or a terminal as an escape sequence.
/// </summary>
internal static class Printable
{
    /// <summary>Line breaks and other control characters (tab aside) as escapes: <c>\n</c>, <c>\r</c>, <c>\u001B</c>.</summary>
    public static string Text(string text)
    {
        var first = 0;
        while (first < text.Length && !IsControl(text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsControl(c))
            {
                escaped.Append(c);
            }
            else if (c is '\n' or '\r')
            {
                escaped.Append(c == '\n' ? "\\n" : "\\r");
            }
            else
            {
                AppendEscaped(escaped, c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>Appends <paramref name="c"/> as <c>\uXXXX</c>.</summary>
    internal static StringBuilder AppendEscaped(StringBuilder text, char c) =>
        text.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A path at the start of a line: printable, and never starting with <c>::</c> (a workflow command).</summary>
    public static string Path(string path)
    {
        var printable = Text(path);
        return printable.StartsWith("::", StringComparison.Ordinal) ? "./" + printable : printable;
    }

    private static bool IsControl(char c) => c != '\t' && char.IsControl(c);
}
