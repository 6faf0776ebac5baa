namespace Linter.CustomRules.Tests;

/// <summary>Rule sources for the tests, and where things are in them.</summary>
internal static class Sources
{
    /// <summary>A rule that reports every Service at its name.</summary>
    public const string ServiceRule = """
        public sealed class EveryServiceRule() : Rule(new RuleDescriptor("CUS001", "every-service", "Every Service", Severity.Warning, "custom"))
        {
            public override void Check(RuleContext context)
            {
                foreach (var service in context.Snapshot.Services)
                {
                    context.Report(service.NameSpan, $"Service {service.Name}");
                }
            }
        }
        """;

    /// <summary>A rule whose check runs <paramref name="statement"/> (one line: <see cref="StatementLine"/>).</summary>
    public static string RuleRunning(string statement, string id = "CUS002") => $$"""
        public sealed class StatementRule() : Rule(new RuleDescriptor("{{id}}", "statement", "A statement", Severity.Warning, "custom"))
        {
            public override void Check(RuleContext context)
            {
                {{statement}}
            }
        }
        """;

    /// <summary>The line of <paramref name="statement"/> in <see cref="RuleRunning"/>'s source.</summary>
    public const int StatementLine = 5;

    /// <summary>The 1-based (line, column) of the first <paramref name="needle"/> in <paramref name="source"/>.</summary>
    public static (int Line, int Column) Find(string source, string needle)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(needle, StringComparison.Ordinal);
            if (column >= 0)
            {
                return (i + 1, column + 1);
            }
        }
        throw new ArgumentException($"'{needle}' is not in the source");
    }
}
