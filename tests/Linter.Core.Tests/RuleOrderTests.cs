using Linter.Core.Engine;
using Linter.Core.Rules;

namespace Linter.Core.Tests;

/// <summary>The cores take the rules one family at a time in turn, so that families build their shared parts side by side.</summary>
public sealed class RuleOrderTests
{
    private sealed class Named(string id, string family) : Rule(new RuleDescriptor(id, id.ToLowerInvariant(), "test", Severity.Warning, family))
    {
        public override void Check(RuleContext context)
        {
        }
    }

    [Fact]
    public void Rules_are_taken_the_first_of_each_family_then_the_second_in_catalog_order()
    {
        Rule[] rules = [new Named("KL101", "selectors"), new Named("KL102", "selectors"), new Named("KL103", "selectors"), new Named("KL301", "dns"), new Named("KL701", "netpol"), new Named("KL702", "netpol")];

        var order = LintEngine.AcrossFamilies(rules).Select(i => rules[i].Descriptor.Id);

        Assert.Equal(["KL101", "KL301", "KL701", "KL102", "KL702", "KL103"], order);
    }

    [Fact]
    public void One_family_keeps_the_catalog_order_and_no_rule_gives_no_turn()
    {
        Rule[] rules = [new Named("KL001", "input"), new Named("KL002", "input"), new Named("KL003", "input")];

        Assert.Equal([0, 1, 2], LintEngine.AcrossFamilies(rules));
        Assert.Empty(LintEngine.AcrossFamilies([]));
    }
}
