using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Linter.Core.Engine;
using Linter.Core.Loading;

namespace Linter.Cli;

/// <summary><c>kubelint new rule NAME</c>: the folder of a new custom rule, from <see cref="RuleTemplate"/>; never overwrites.</summary>
internal static partial class NewCommand
{
    private const string DefaultDirectory = ".kubelint/rules";

    private const string FirstId = "CR001";

    [GeneratedRegex("^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug { get; }

    /// <summary>A custom rule id: a prefix, then a number of three digits.</summary>
    [GeneratedRegex("^(?<prefix>[A-Z][A-Z0-9]*?)(?<number>[0-9]{3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Id { get; }

    public static Command Create(TextWriter stdout, TextWriter stderr, string workingDirectory)
    {
        var name = new Argument<string>("name") { Description = "The rule's slug, also its folder's name: lowercase letters, digits and dashes, e.g. readiness-behind-service." };
        var directory = new Option<string>("--dir")
        {
            Description = "The folder of the custom rules.",
            HelpName = "DIR",
            DefaultValueFactory = _ => DefaultDirectory,
        };
        var id = new Option<string?>("--id")
        {
            Description = $"The rule id: capitals and digits ending in three digits, e.g. ACME001; KL is reserved for the built-in rules. Default: the number after the highest id of the pages under DIR, else {FirstId}.",
        };
        var rule = new Command("rule", "Create DIR/NAME/ with a rule to complete (NAME in PascalCase + Rule.cs), its page <ID>.md and fixtures/invalid-1.yaml and valid-1.yaml, which 'kubelint test' runs.")
        {
            name, directory, id,
        };
        rule.SetAction(parse =>
        {
            var root = Path.GetFullPath(Path.Combine(workingDirectory, parse.GetValue(directory)!));
            try
            {
                var (template, problem) = Prepare(parse.GetValue(name)!, parse.GetValue(id), root, workingDirectory);
                if (template is null)
                {
                    stderr.WriteLine("kubelint: " + problem);
                    return ExitCodes.UsageError;
                }

                Write(template, root, workingDirectory, stdout);
                return ExitCodes.Clean;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"kubelint: cannot create the rule: {ex.Message}");
                return ExitCodes.UsageError;
            }
        });
        return new Command("new", "Create files from templates.") { rule };
    }

    /// <summary>The rule to create under <paramref name="root"/>, or why it cannot be created.</summary>
    private static (RuleTemplate? Template, string? Problem) Prepare(string slug, string? givenId, string root, string workingDirectory)
    {
        if (!Slug.IsMatch(slug))
        {
            return (null, $"'{slug}' is not a rule name: use lowercase letters, digits and dashes, starting with a letter (e.g. readiness-behind-service)");
        }

        var folder = Path.Combine(root, slug);
        if (Directory.Exists(folder) || File.Exists(folder))
        {
            return (null, $"{ManifestLoader.DisplayPath(folder, workingDirectory)} already exists; kubelint new never overwrites");
        }

        var pages = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root).SelectMany(d => Directory.EnumerateFiles(d, "*.md"))
                .Select(p => Path.GetFileNameWithoutExtension(p)).Where(p => Id.IsMatch(p)).ToList()
            : [];
        var (id, problem) = givenId is null ? NextId(pages) : Check(givenId, pages);
        return (id is null ? null : new RuleTemplate(id, slug), problem);
    }

    private static (string? Id, string? Problem) Check(string id, IReadOnlyList<string> pages)
    {
        if (!Id.IsMatch(id))
        {
            return (null, $"'{id}' is not a rule id: capitals and digits, ending in three digits (e.g. ACME001)");
        }

        if (id.StartsWith("KL", StringComparison.Ordinal))
        {
            return (null, $"'{id}': ids starting with KL are reserved for the built-in rules; choose your own prefix (e.g. ACME001)");
        }

        return pages.Contains(id, StringComparer.Ordinal) ? (null, $"{id} is already the id of a rule under the folder; choose another") : (id, null);
    }

    /// <summary>The number after the highest page id, with the prefix the pages use; <see cref="FirstId"/> when there is none.</summary>
    private static (string? Id, string? Problem) NextId(IReadOnlyList<string> pages)
    {
        var ids = pages.Select(p => Id.Match(p)).Select(m => (Prefix: m.Groups["prefix"].Value, Number: int.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture))).ToList();
        var prefixes = ids.Select(i => i.Prefix).Distinct().Order(StringComparer.Ordinal).ToList();
        if (prefixes.Count == 0)
        {
            return (FirstId, null);
        }

        if (prefixes.Count > 1)
        {
            return (null, $"the rules under the folder use several id prefixes ({string.Join(", ", prefixes)}); choose the id with --id");
        }

        var next = ids.Max(i => i.Number) + 1;
        return next > 999
            ? (null, $"no id is left after {prefixes[0]}999; choose one with --id")
            : ($"{prefixes[0]}{next:D3}", null);
    }

    private static void Write(RuleTemplate template, string root, string workingDirectory, TextWriter stdout)
    {
        var folder = Path.Combine(root, template.Slug);
        Directory.CreateDirectory(Path.Combine(folder, "fixtures"));
        foreach (var (name, text) in new[]
                 {
                     (template.ClassName + ".cs", template.Code),
                     (template.Id + ".md", template.Page),
                     ("fixtures/invalid-1.yaml", template.InvalidFixture),
                     ("fixtures/valid-1.yaml", template.ValidFixture),
                 })
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text);
            stdout.WriteLine("created " + ManifestLoader.DisplayPath(path, workingDirectory));
        }

        stdout.WriteLine();
        stdout.WriteLine("Next steps:");
        stdout.WriteLine($"  1. Write the check in {template.ClassName}.cs, the page {template.Id}.md and the fixtures ('# expect: {template.Id}' ends each line a finding must start on).");
        stdout.WriteLine($"  2. kubelint test {ManifestLoader.DisplayPath(folder, workingDirectory)}");
        stdout.WriteLine($"  3. Add {ManifestLoader.DisplayPath(root, workingDirectory)} to customRules: in .kubelint.yaml, and kubelint check runs the rule.");
    }
}
