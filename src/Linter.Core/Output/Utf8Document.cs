using System.Text;

namespace Linter.Core.Output;

/// <summary>Documents built as UTF-8 bytes (JSON, XML) written to a text output, ending with a new line.</summary>
internal static class Utf8Document
{
    public static void Write(TextWriter output, Action<Stream> build)
    {
        using var memory = new MemoryStream();
        build(memory);
        Write(output, memory.GetBuffer(), (int)memory.Length);
    }

    /// <summary>Writes the first <paramref name="length"/> bytes of <paramref name="utf8"/>, a UTF-8 document, and a line break.</summary>
    public static void Write(TextWriter output, byte[] utf8, int length)
    {
        // A UTF-8 stream writer without a byte order mark takes the bytes as they are: no copy as a string (twice the
        // size of the document, 20 MB for the SARIF log of a 100,000-object input) to be encoded again.
        if (BytesOf(output) is { } stream)
        {
            stream.Write(utf8, 0, length);
            output.WriteLine();
            return;
        }

        output.WriteLine(Encoding.UTF8.GetString(utf8, 0, length));
    }

    /// <summary>
    /// The stream under <paramref name="output"/>, flushed, when it is a UTF-8 stream writer without a byte order mark:
    /// a UTF-8 document is written to it as bytes. Null for other writers.
    /// </summary>
    public static Stream? BytesOf(TextWriter output)
    {
        if (output is StreamWriter { Encoding: UTF8Encoding encoding } writer && encoding.GetPreamble().Length == 0)
        {
            writer.Flush();
            return writer.BaseStream;
        }

        return null;
    }
}
