namespace Linter.Rules.Tests;

public sealed class DescribeTests
{
    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "s1")]
    [InlineData(2, "s1 and s2")]
    [InlineData(6, "s1, s2, s3, s4, s5 and s6")]
    [InlineData(7, "s1, s2, s3, s4, s5 and 2 more")]
    [InlineData(400, "s1, s2, s3, s4, s5 and 395 more")]
    public void Lists_in_messages_stay_short(int count, string expected) =>
        Assert.Equal(expected, Describe.List(Enumerable.Range(1, count).Select(i => $"s{i}")));
}
