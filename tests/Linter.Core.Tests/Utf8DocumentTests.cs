using System.Text;
using Linter.Core.Output;

namespace Linter.Core.Tests;

public sealed class Utf8DocumentTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("{\"a\":\"ü\"}");

    // A buffer longer than the document it holds, as a memory stream's is: only the document is written.
    private static readonly byte[] Buffer = [.. Document, (byte)'x', 0];

    [Fact]
    public void A_stream_writer_without_a_byte_order_mark_gets_the_bytes_after_what_it_holds()
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 16, leaveOpen: true))
        {
            writer.Write("before ");
            Utf8Document.Write(writer, Buffer, Document.Length);
            writer.Write("after");
        }

        Assert.Equal("before {\"a\":\"ü\"}\nafter", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Other_writers_get_the_text()
    {
        using var bom = new MemoryStream();
        using (var writer = new StreamWriter(bom, new UTF8Encoding(true), 16, leaveOpen: true))
        {
            Utf8Document.Write(writer, stream => stream.Write(Document, 0, Document.Length));
        }

        Assert.Equal([0xEF, 0xBB, 0xBF, .. Document, (byte)'\n'], bom.ToArray());
        var text = new StringWriter();
        Utf8Document.Write(text, Buffer, Document.Length);
        Assert.Equal("{\"a\":\"ü\"}\n", text.ToString());
    }
}
