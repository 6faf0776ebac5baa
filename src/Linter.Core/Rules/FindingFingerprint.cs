using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Linter.Core.Loading;

namespace Linter.Core.Rules;

/// <summary>
/// A fingerprint of a finding that survives moved lines and a changed working directory: the rule, the
/// text at the finding's region and the message without line numbers, plus how many identical findings
/// of the same file precede it. Used by SARIF (<c>partialFingerprints</c>) and by baselines, which match
/// it together with the rule and the file.
/// </summary>
public static class FindingFingerprint
{
    public const string Key = "kubelint/v1";

    private const string HexDigits = "0123456789abcdef";

    // A hasher per thread that computes digests (it holds native state: one per run and thread, not one per finding).
    [ThreadStatic]
    private static SHA256? _sha;

    private static readonly Regex LineReferences = new(@"\bline \d+|:\d+(:\d+)?\b");

    public static IReadOnlyList<string> Compute(IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, SourceFile> files)
    {
        if (findings.Count == 0)
        {
            // No hashing object at all: on Linux it loads OpenSSL, a noticeable part of a clean run's start-up.
            return [];
        }

        // Each finding's digest on its own, on every core; then, in order, the counts that tell equal digests of a file apart.
        var digests = Cores.Map(findings, finding => Digest(finding, files));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new string[findings.Count];
        for (var i = 0; i < findings.Count; i++)
        {
            var key = findings[i].Location.Path + "\u0000" + digests[i];
            seen[key] = seen.TryGetValue(key, out var n) ? n + 1 : 1;
            result[i] = $"{digests[i]}:{seen[key]}";
        }

        return result;
    }

    private static string Digest(Finding finding, IReadOnlyDictionary<string, SourceFile> files)
    {
        var anchor = files.TryGetValue(finding.Location.Path, out var file) ? Text(file, finding.Location) : string.Empty;
        var identity = string.Join("\u0000", finding.RuleId, anchor, LineReferences.Replace(finding.Message, string.Empty));
        return HexDigest(_sha ??= SHA256.Create(), identity, 12);
    }

    /// <summary>The first <paramref name="bytes"/> bytes of the SHA-256 of <paramref name="text"/> (UTF-8), in lowercase hex.</summary>
    internal static string HexDigest(SHA256 sha, string text, int bytes)
    {
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new char[bytes * 2];
        for (var i = 0; i < bytes; i++)
        {
            hex[2 * i] = HexDigits[hash[i] >> 4];
            hex[(2 * i) + 1] = HexDigits[hash[i] & 0xF];
        }

        return new string(hex);
    }

    private static string Text(SourceFile file, SourceSpan span)
    {
        if (span.Line != span.EndLine)
        {
            return file.Line(span.Line).Trim();
        }

        var line = file.Line(span.Line);
        var start = Math.Min(Math.Max(span.Column - 1, 0), line.Length);
        var end = Math.Min(Math.Max(span.EndColumn - 1, start), line.Length);
        return line.Substring(start, end - start);
    }
}
