using System.Text;

namespace Linter.Core.Output;

/// <summary>Fits text to a terminal width, breaking at spaces and indenting continuation lines.</summary>
internal static class TextWrap
{
    public const int Width = 80;

    public static void WriteLine(TextWriter output, string indent, string text, string? continuation = null)
    {
        continuation ??= indent + "  ";
        var line = new StringBuilder(indent);
        var empty = true;
        foreach (var word in text.Split(' '))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                output.WriteLine(line.ToString());
                line.Clear().Append(continuation);
                empty = true;
            }

            line.Append(empty ? word : " " + word);
            empty = false;
        }

        output.WriteLine(line.ToString());
    }
}
