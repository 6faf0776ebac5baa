namespace Linter.MSBuild;

/// <summary>
/// Reads <c>dotnet_diagnostic.KL###.severity</c> from global analyzer config files (<c>.globalconfig</c>),
/// the file the compiler reads for diagnostics outside C# files (such as the analyzer's, in YAML files).
/// Only entries before the first section count, as in the compiler. When files disagree, the one with the
/// higher <c>global_level</c> wins (a <c>.globalconfig</c> file defaults to 100), and a later file among equals.
/// </summary>
public static class GlobalConfig
{
    public static IReadOnlyDictionary<string, string> ReadSeverities(IEnumerable<string> paths, Action<string, int, string> warn)
    {
        var result = new Dictionary<string, (string Value, int Level)>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            if (!File.Exists(path))
            {
                continue;
            }

            string[] lines;
            try
            {
                lines = File.ReadAllLines(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                warn(path, 0, $"cannot read {path}: {ex.Message}");
                continue;
            }

            var level = Path.GetFileName(path).Equals(".globalconfig", StringComparison.OrdinalIgnoreCase) ? 100 : 0;
            var entries = new List<(string Id, string Value)>();
            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';')
                {
                    continue;
                }

                if (line[0] == '[')
                {
                    break;
                }

                var equals = line.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                var key = line.Substring(0, equals).Trim();
                var value = line.Substring(equals + 1).Trim();
                if (key.Equals("global_level", StringComparison.OrdinalIgnoreCase) && int.TryParse(value, out var given))
                {
                    level = given;
                }
                else if (key.StartsWith("dotnet_diagnostic.", StringComparison.OrdinalIgnoreCase) &&
                         key.EndsWith(".severity", StringComparison.OrdinalIgnoreCase))
                {
                    var id = key.Substring("dotnet_diagnostic.".Length, key.Length - "dotnet_diagnostic.".Length - ".severity".Length);
                    if (id.StartsWith("KL", StringComparison.OrdinalIgnoreCase))
                    {
                        entries.Add((id.ToUpperInvariant(), value));
                    }
                }
            }

            foreach (var (id, value) in entries)
            {
                if (!result.TryGetValue(id, out var existing) || level >= existing.Level)
                {
                    result[id] = (value, level);
                }
            }
        }

        return result.ToDictionary(e => e.Key, e => e.Value.Value, StringComparer.OrdinalIgnoreCase);
    }
}
