using Linter.Tests;

namespace Linter.CustomRules.Tests;

public sealed class GuardRailTests
{
    [Theory]
    [InlineData("_ = File.ReadAllText(\"/etc/passwd\");", "File.ReadAllText")]
    [InlineData("using var client = new System.Net.Http.HttpClient();", "new System.Net.Http.HttpClient()")]
    [InlineData("System.Diagnostics.Process.Start(\"kubectl\");", "System.Diagnostics.Process.Start")]
    [InlineData("_ = System.Reflection.Assembly.Load(\"Evil\");", "System.Reflection.Assembly.Load")]
    [InlineData("_ = System.Reflection.Emit.AssemblyBuilder.DefineDynamicAssembly(new(\"x\"), System.Reflection.Emit.AssemblyBuilderAccess.Run);", "System.Reflection.Emit.AssemblyBuilder")]
    [InlineData("Console.WriteLine(\"hello\");", "Console.WriteLine")]
    [InlineData("_ = Environment.GetEnvironmentVariable(\"HOME\");", "Environment.GetEnvironmentVariable")]
    [InlineData("new Thread(() => { }).Start();", "new Thread")]
    [InlineData("_ = Type.GetType(\"System.IO.File\");", "Type.GetType")]
    [InlineData("_ = typeof(object).Assembly.GetType(\"System.IO.File\");", "typeof(object).Assembly.GetType")]
    [InlineData("using var reader = new StreamReader(\"/etc/passwd\");", "new StreamReader")]
    [InlineData("_ = System.Runtime.InteropServices.Marshal.SizeOf<int>();", "System.Runtime.InteropServices.Marshal")]
    [InlineData("_ = System.Runtime.Loader.AssemblyLoadContext.Default;", "System.Runtime.Loader.AssemblyLoadContext")]
    [InlineData("Environment.Exit(1);", "Environment.Exit")]
    [InlineData("using var pipe = new System.IO.Pipes.AnonymousPipeServerStream();", "new System.IO.Pipes.AnonymousPipeServerStream()")]
    [InlineData("using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);", "new System.Net.Sockets.Socket")]
    public void ABannedApiIsAnErrorAtItsUse(string statement, string use)
    {
        using var folder = new TempFolder();
        var source = Sources.RuleRunning(statement);
        var result = new CustomRuleCompiler(folder.Cache).Compile([folder.Write("Banned.cs", source)], folder.Root);

        Assert.Empty(result.Rules);
        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, p => Assert.Equal(("RS0030", true), (p.Id, p.IsError)));
        var (line, column) = Sources.Find(source, use);
        Assert.Contains(result.Problems, p => p.At.Path == "Banned.cs" && p.At.Line == line && p.At.Column == column);
        Assert.All(result.Problems, p => Assert.Contains("custom rules", p.Message));
    }

    [Theory]
    [InlineData("[System.Runtime.InteropServices.DllImport(\"libc\")] static extern int getpid();")]
    [InlineData("[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)] static extern int Inside();")]
    public void AnExternMethodIsAnErrorAtItsExternKeyword(string localFunction)
    {
        using var folder = new TempFolder();
        var source = Sources.RuleRunning(localFunction);
        var result = new CustomRuleCompiler(folder.Cache).Compile([folder.Write("Native.cs", source)], folder.Root);

        Assert.Empty(result.Rules);
        var problem = Assert.Single(result.Problems, p => p.IsError);
        var (line, column) = Sources.Find(source, "extern");
        Assert.Equal((CompileProblemIds.NativeCode, line, column), (problem.Id, problem.At.Line, problem.At.Column));
    }

    [Fact]
    public void AnAllowedApiOfTheSameTypesIsNoProblem()
    {
        using var folder = new TempFolder();
        var source = Sources.RuleRunning("using var reader = new StreamReader(new MemoryStream()); _ = Path.Combine(\"a\", \"b\");");
        var result = new CustomRuleCompiler(folder.Cache).Compile([folder.Write("Allowed.cs", source)], folder.Root);

        Assert.Empty(result.Problems);
        Assert.Single(result.Rules);
    }

    [Fact]
    public void UnsafeCodeIsAnError()
    {
        using var folder = new TempFolder();
        var source = Sources.RuleRunning("unsafe { int n = 0; int* p = &n; _ = *p; }");
        var result = new CustomRuleCompiler(folder.Cache).Compile([folder.Write("Unsafe.cs", source)], folder.Root);

        Assert.Empty(result.Rules);
        Assert.Contains(result.Problems, p => p.Id == "CS0227" && p.IsError);
    }
}
