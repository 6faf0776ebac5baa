using System.Text;

namespace Linter.Core.Output;

/// <summary>Documents built as UTF-8 bytes (JSON, XML) written to a text output, ending with a new line.</summary>
internal static class Utf8Document
{
    public static void Write(TextWriter output, Action<Stream> build)
    {
        using var memory = new MemoryStream();
        build(memory);
        Write(output, memory.ToArray());
    }

    public static void Write(TextWriter output, byte[] utf8)
    {
        output.WriteLine(Encoding.UTF8.GetString(utf8));
    }
}
