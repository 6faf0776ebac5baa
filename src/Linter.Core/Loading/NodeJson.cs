using System.Globalization;
using System.Text.Json;

namespace Linter.Core.Loading;

/// <summary>
/// A node tree as JSON, with the YAML 1.1 types Kubernetes' decoder gives its scalars, so that JSON tools
/// (a JSON Schema validator) read a YAML document as the cluster would.
/// </summary>
internal static class NodeJson
{
    public static JsonDocument ToDocument(Node root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, root);
        }

        return JsonDocument.Parse(stream.ToArray());
    }

    /// <summary>The number a JSON reader sees for an integer or float scalar (<c>0x50</c> is 80).</summary>
    public static bool TryGetNumber(ScalarNode scalar, out double number)
    {
        number = 0;
        if (scalar.Kind == ScalarKind.Int && ScalarTyping.TryParseInt(scalar.Value, out var integer))
        {
            number = integer;
            return true;
        }

        return scalar.Kind == ScalarKind.Float &&
               double.TryParse(scalar.Value.Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out number) &&
               !double.IsInfinity(number) && !double.IsNaN(number);
    }

    private static void Write(Utf8JsonWriter writer, Node node)
    {
        switch (node)
        {
            case MappingNode map:
                writer.WriteStartObject();
                foreach (var entry in map.Entries)
                {
                    writer.WritePropertyName(entry.Key.Value);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case SequenceNode list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ScalarNode { Kind: ScalarKind.Null }:
                writer.WriteNullValue();
                break;
            case ScalarNode { Kind: ScalarKind.Bool } flag:
                writer.WriteBooleanValue(flag.IsTrue);
                break;
            case ScalarNode scalar when TryGetNumber(scalar, out var number):
                writer.WriteNumberValue(number);
                break;
            case ScalarNode scalar:
                // Strings, and the floats JSON has no number for (.inf, .nan).
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }
}
