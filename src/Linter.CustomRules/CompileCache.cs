using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Linter.Core.Rules;

namespace Linter.CustomRules;

/// <summary>A compiled assembly from the cache, with the warnings its compilation gave.</summary>
internal sealed record CachedAssembly(byte[] Assembly, IReadOnlyList<CompileProblem> Warnings);

/// <summary>
/// Compiled rule assemblies by a hash of everything that decides them, so that an unchanged set of rules is not
/// compiled again. Each entry is two files, &lt;key&gt;.dll and &lt;key&gt;.json (the warnings). A cache that cannot be read or
/// written is no error: the rules are compiled in memory, as without one.
/// </summary>
internal sealed class CompileCache(string? directory)
{
    /// <summary>
    /// The key of <paramref name="sources"/>: SHA-256 (lowercase hex) of their display paths and bytes and of the SDK's
    /// and this library's module version ids. This library is built deterministically, so its id changes with the
    /// compiler's settings it holds, the banned-symbols list it embeds and the versions of Roslyn and the analyzer it
    /// references; a hit loads neither (the key costs no compiler start-up).
    /// </summary>
    public static string Key(IReadOnlyList<RuleSource> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, BitConverter.GetBytes(sources.Count));
        foreach (var source in sources)
        {
            Append(hash, Encoding.UTF8.GetBytes(source.DisplayPath));
            Append(hash, source.Bytes);
        }
        Append(hash, typeof(Rule).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        Append(hash, typeof(CompileCache).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The entry of <paramref name="key"/>, or null when there is none or it cannot be read.</summary>
    public CachedAssembly? TryRead(string key)
    {
        if (directory is null)
        {
            return null;
        }
        try
        {
            var assembly = File.ReadAllBytes(EntryPath(key, ".dll"));
            // An entry without warnings has no warnings file: most have none, and reading JSON costs a cached run ~20 ms.
            var warningsPath = EntryPath(key, ".json");
            var warnings = File.Exists(warningsPath) ? JsonSerializer.Deserialize(File.ReadAllBytes(warningsPath), CacheJson.Default.ListCompileProblem) : [];
            return warnings is not null && IsAssembly(assembly) ? new CachedAssembly(assembly, warnings) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Stores an assembly that compiled without errors, and its warnings when it has some. Each file is written
    /// beside its final name and moved over it, so a reader never sees half a file; the warnings go first, so that an
    /// assembly in the cache has its warnings beside it.</summary>
    public void Write(string key, byte[] assembly, IReadOnlyList<CompileProblem> warnings)
    {
        if (directory is null)
        {
            return;
        }
        try
        {
            Directory.CreateDirectory(directory);
            if (warnings.Count > 0)
            {
                WriteAtomically(EntryPath(key, ".json"), JsonSerializer.SerializeToUtf8Bytes(warnings.ToList(), CacheJson.Default.ListCompileProblem));
            }

            WriteAtomically(EntryPath(key, ".dll"), assembly);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not fatal: the next run compiles again.
        }
    }

    // Entries are written whole, but a disk or a person can still damage one: such an entry is compiled again.
    private static bool IsAssembly(byte[] bytes)
    {
        try
        {
            using var reader = new PEReader(new MemoryStream(bytes, writable: false));
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private string EntryPath(string key, string extension) => Path.Combine(directory!, key + extension);

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Append(IncrementalHash hash, byte[] field)
    {
        hash.AppendData(BitConverter.GetBytes((long)field.Length));
        hash.AppendData(field);
    }
}

/// <summary>The cache's warnings file, without reflection.</summary>
[JsonSerializable(typeof(List<CompileProblem>))]
internal sealed partial class CacheJson : JsonSerializerContext;
