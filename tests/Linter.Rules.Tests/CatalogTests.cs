using Linter.Core.Rules;

namespace Linter.Rules.Tests;

/// <summary>The built-in catalog holds every rule folder, and answers names the same way everywhere.</summary>
public sealed class CatalogTests
{
    private static RuleCatalog Catalog => BuiltInRules.Catalog;

    [Fact]
    public void Every_rule_folder_is_registered_once_under_its_id_and_slug()
    {
        var folders = Directory.GetDirectories(RepositoryPaths.Rules, "KL*", SearchOption.AllDirectories)
            .Select(f => Path.GetFileName(f)!)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(folders);
        Assert.Equal(folders, Catalog.Descriptors.Select(d => $"{d.Id}-{d.Slug}"));
    }

    [Fact]
    public void Every_rule_class_of_the_assembly_is_in_the_catalog()
    {
        var classes = typeof(BuiltInRules).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract)
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(classes, Catalog.All.Select(r => r.GetType().FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_family_of_a_rule_is_the_folder_it_lives_in()
    {
        Assert.All(Catalog.Descriptors, d => Assert.Equal(d.Family, Path.GetFileName(Path.GetDirectoryName(RepositoryPaths.RuleFolder(d.Id)))));
    }

    public static TheoryData<string> RuleIds() => new(Catalog.Descriptors.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_pages_first_heading_is_the_rules_title(string id)
    {
        var rule = Catalog.Find(id)!.Descriptor;
        var firstLine = Catalog.SourcePage(rule).Split('\n')[0].TrimEnd('\r');
        Assert.Equal($"# {rule.Id}: {rule.Title}", firstLine);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Pages_for_readers_show_no_fixture_comments(string id)
    {
        var rule = Catalog.Find(id)!.Descriptor;
        Assert.Contains("# expect:", Catalog.SourcePage(rule));
        Assert.DoesNotContain("expect:", Catalog.Page(rule));
        Assert.DoesNotContain("expect:", Catalog.Documentation(rule).Markdown);
    }

    [Theory]
    [InlineData("# T\n\nThe paragraph\nunder the title.\n\nMore.\n", "The paragraph under the title.")]
    [InlineData("# T\r\n\r\nWritten with CRLF.\r\n", "Written with CRLF.")]
    [InlineData("# T\n\n\n\nAfter two blank lines.", "After two blank lines.")]
    [InlineData("# T\n\n\nAfter three line breaks.\n\n", "After three line breaks.")]
    [InlineData("\n\n# T\n\nAfter leading blank lines.", "After leading blank lines.")]
    [InlineData("# T and nothing else\n\n", "Title of the rule")]
    public void The_summary_is_the_paragraph_under_the_title(string page, string summary)
    {
        var rule = new SummaryProbe();
        var catalog = new RuleCatalog([rule], _ => page);
        Assert.Equal(summary, catalog.Documentation(rule.Descriptor).Summary);
        Assert.Equal(page.Replace("\r\n", "\n"), catalog.Documentation(rule.Descriptor).Markdown);
    }

    [Theory]
    [InlineData("KL203")]
    [InlineData("kl203")]
    [InlineData("named-target-port-not-found")]
    [InlineData("Named-Target-Port-Not-Found")]
    [InlineData(" KL203 ")]
    public void Ids_and_slugs_are_found_in_any_case(string name) => Assert.Equal("KL203", Catalog.Find(name)?.Descriptor.Id);

    [Theory]
    [InlineData("KL2O3", "KL203")]
    [InlineData("named-targetport-not-found", "named-target-port-not-found")]
    public void An_unknown_name_gets_the_nearest_suggestion(string name, string nearest)
    {
        Assert.Null(Catalog.Find(name));
        Assert.Equal($"no rule '{name}'; did you mean '{nearest}'?", Catalog.Unknown(name));
    }

    private sealed class SummaryProbe() : Rule(new RuleDescriptor("KL999", "summary-probe", "Title of the rule", Severity.Note, "input"))
    {
        public override void Check(RuleContext context)
        {
        }
    }

    [Fact]
    public void Two_rules_with_one_name_are_refused()
    {
        var rule = Catalog.All[0];
        Assert.Throws<ArgumentException>(() => new RuleCatalog([rule, rule], _ => string.Empty));
    }
}
