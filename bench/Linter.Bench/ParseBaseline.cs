using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Linter.Bench;

/// <summary>
/// The yardstick of issue 15: every <c>*.yaml</c> file of a folder read and loaded with YamlDotNet's representation
/// model (<see cref="YamlStream.Load(TextReader)"/>) on one thread, nothing else. kubelint should not take longer.
/// </summary>
public static class ParseBaseline
{
    public static (int Files, int Documents, TimeSpan Elapsed) Run(string folder)
    {
        var watch = Stopwatch.StartNew();
        var files = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        var documents = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            documents += stream.Documents.Count;
        }

        return (files.Length, documents, watch.Elapsed);
    }
}
