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
}
