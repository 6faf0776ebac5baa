using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Linter.CustomRules;

/// <summary>
/// The APIs custom rules may not use (BannedSymbols.txt, in the banned-API analyzer's format), given to the analyzer as
/// the additional file it looks for.
/// </summary>
internal sealed class BannedSymbols : AdditionalText
{
    private readonly SourceText _text;

    private BannedSymbols(string text) => _text = SourceText.From(text);

    /// <summary>The list embedded in this assembly.</summary>
    public static BannedSymbols List { get; } = new(ReadEmbedded());

    /// <summary>The name the analyzer looks for.</summary>
    public override string Path => "BannedSymbols.txt";

    /// <inheritdoc />
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;

    private static string ReadEmbedded()
    {
        using var stream = typeof(BannedSymbols).Assembly.GetManifestResourceStream("Linter.CustomRules.BannedSymbols.txt")
            ?? throw new InvalidOperationException("BannedSymbols.txt is not embedded in Linter.CustomRules");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
