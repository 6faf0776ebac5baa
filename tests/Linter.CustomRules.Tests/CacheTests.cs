using Linter.Tests;

namespace Linter.CustomRules.Tests;

public sealed class CacheTests
{
    [Fact]
    public void TheSameSourcesComeFromTheCacheTheSecondTime()
    {
        using var folder = new TempFolder();
        var files = new[] { folder.Write("A.cs", Sources.RuleRunning("_ = context;", id: "CUS009")), folder.Write("B.cs", Sources.ServiceRule) };

        var first = new CustomRuleCompiler(folder.Cache).Compile(files, folder.Root);
        var second = new CustomRuleCompiler(folder.Cache).Compile(files.Reverse().ToList(), folder.Root);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Empty(second.Problems);
        Assert.Equal(first.Rules.Select(r => r.Descriptor.Id), second.Rules.Select(r => r.Descriptor.Id));
        Assert.Equal(["CUS001", "CUS009"], second.Rules.Select(r => r.Descriptor.Id));
    }

    [Fact]
    public void ChangingOneByteCompilesAgain()
    {
        using var folder = new TempFolder();
        var file = folder.Write("Rule.cs", Sources.ServiceRule);
        Assert.False(new CustomRuleCompiler(folder.Cache).Compile([file], folder.Root).FromCache);

        File.WriteAllText(file, Sources.ServiceRule.Replace("CUS001", "CUS007"));
        var changed = new CustomRuleCompiler(folder.Cache).Compile([file], folder.Root);

        Assert.False(changed.FromCache);
        Assert.Equal("CUS007", Assert.Single(changed.Rules).Descriptor.Id);
    }

    [Fact]
    public void MovingAFileCompilesAgain()
    {
        using var folder = new TempFolder();
        Assert.False(new CustomRuleCompiler(folder.Cache).Compile([folder.Write("a/Rule.cs", Sources.ServiceRule)], folder.Root).FromCache);

        var moved = new CustomRuleCompiler(folder.Cache).Compile([folder.Write("b/Rule.cs", Sources.ServiceRule)], folder.Root);

        Assert.False(moved.FromCache);
    }

    [Fact]
    public void WarningsAreReportedAgainFromTheCache()
    {
        using var folder = new TempFolder();
        var file = folder.Write("Warned.cs", Sources.RuleRunning("int unused = 1;"));

        var first = new CustomRuleCompiler(folder.Cache).Compile([file], folder.Root);
        var second = new CustomRuleCompiler(folder.Cache).Compile([file], folder.Root);

        Assert.True(second.FromCache);
        Assert.Equal("CS0219", Assert.Single(first.Problems).Id);
        Assert.Equal(first.Problems, second.Problems);
        Assert.Single(second.Rules);
    }

    [Fact]
    public void ErrorsAreNotCached()
    {
        using var folder = new TempFolder();
        var file = folder.Write("Broken.cs", Sources.RuleRunning("int n = \"text\";"));

        var first = new CustomRuleCompiler(folder.Cache).Compile([file], folder.Root);
        var second = new CustomRuleCompiler(folder.Cache).Compile([file], folder.Root);

        Assert.True(first.HasErrors);
        Assert.False(second.FromCache);
        Assert.Equal(first.Problems, second.Problems);
        Assert.False(Directory.Exists(folder.Cache) && Directory.EnumerateFileSystemEntries(folder.Cache).Any());
    }

    [Fact]
    public void ACacheDirectoryThatIsAFileIsNoError()
    {
        using var folder = new TempFolder();
        var cache = folder.Write("cache-is-a-file", "not a directory");
        var file = folder.Write("Rule.cs", Sources.ServiceRule);

        var first = new CustomRuleCompiler(cache).Compile([file], folder.Root);
        var second = new CustomRuleCompiler(Path.Combine(cache, "below")).Compile([file], folder.Root);

        Assert.All([first, second], result =>
        {
            Assert.False(result.FromCache);
            Assert.Empty(result.Problems);
            Assert.Equal("CUS001", Assert.Single(result.Rules).Descriptor.Id);
        });
    }

    [Fact]
    public void NoCacheDirectoryCompilesEachTime()
    {
        using var folder = new TempFolder();
        var file = folder.Write("Rule.cs", Sources.ServiceRule);

        Assert.False(new CustomRuleCompiler(null).Compile([file], folder.Root).FromCache);
        Assert.False(new CustomRuleCompiler(null).Compile([file], folder.Root).FromCache);
    }

    [Theory]
    [InlineData(false, new[] { ".dll" })]
    [InlineData(true, new[] { ".dll", ".json" })]
    public void TheCacheHoldsTheAssemblyItsWarningsIfAnyAndNoTemporaryFiles(bool withWarning, string[] expected)
    {
        using var folder = new TempFolder();
        var source = withWarning ? Sources.RuleRunning("int unused = 1;") : Sources.ServiceRule;
        new CustomRuleCompiler(folder.Cache).Compile([folder.Write("Rule.cs", source)], folder.Root);

        var entries = Directory.GetFiles(folder.Cache).Select(Path.GetExtension).Order(StringComparer.Ordinal);
        Assert.Equal(expected, entries);
    }

    [Theory]
    [InlineData(".json", "{ not json")]
    [InlineData(".dll", "MZ but no assembly")]
    public void ADamagedEntryIsCompiledAgain(string extension, string damage)
    {
        using var folder = new TempFolder();
        var file = folder.Write("Rule.cs", Sources.RuleRunning("int unused = 1;"));
        new CustomRuleCompiler(folder.Cache).Compile([file], folder.Root);
        File.WriteAllText(Assert.Single(Directory.GetFiles(folder.Cache, "*" + extension)), damage);

        var again = new CustomRuleCompiler(folder.Cache).Compile([file], folder.Root);
        var repaired = new CustomRuleCompiler(folder.Cache).Compile([file], folder.Root);

        Assert.False(again.FromCache);
        Assert.Equal("CS0219", Assert.Single(again.Problems).Id);
        Assert.Equal("CUS002", Assert.Single(again.Rules).Descriptor.Id);
        Assert.True(repaired.FromCache);
    }

    [Theory]
    [InlineData("/xdg", "/home/me", "/xdg/kubelint/custom-rules")]
    [InlineData(null, "/home/me", "/home/me/.cache/kubelint/custom-rules")]
    [InlineData("", "/home/me", "/home/me/.cache/kubelint/custom-rules")]
    [InlineData("relative/cache", "/home/me", "/home/me/.cache/kubelint/custom-rules")]
    public void TheDefaultCacheDirectoryFollowsXdg(string? xdgCacheHome, string home, string expected)
    {
        Assert.Equal(expected, CustomRuleCompiler.DefaultCacheDirectory(xdgCacheHome, home));
    }
}
