using System.Text.Json;

namespace Linter.Core.Output;

internal static class JsonWriting
{
    /// <summary>A number property, or null when there is none (the reports' JSON keeps every property, null or not).</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>An array of strings.</summary>
    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
