using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Linter.Core.Output.Sarif;

/// <summary>The SARIF records' serialisation, generated at compile time: no reflection, so trimming and Native AOT keep it.</summary>
[JsonSerializable(typeof(SarifLog))]
internal sealed partial class SarifJson : JsonSerializerContext
{
    /// <summary>Indented, without null properties, and with characters such as <c>'</c> and <c>&lt;</c> left unescaped for people reading the log.</summary>
    public static SarifJson Log { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
