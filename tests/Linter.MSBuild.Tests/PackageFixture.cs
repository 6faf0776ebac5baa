namespace Linter.MSBuild.Tests;

/// <summary>
/// Packs Kubelint.MSBuild into a temporary folder once per test run, with a version of its own, and gives
/// consumer projects a NuGet.config that finds it there (and everything else on nuget.org) and a NuGet
/// cache of their own, so a package from an earlier run is never reused.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("kubelint-msbuild-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        Environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
            ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(Root, "http-cache"),
        };

        var project = Path.Combine(Dotnet.RepositoryRoot, "src", "Linter.MSBuild", "Linter.MSBuild.csproj");
        var pack = Dotnet.Run(Dotnet.RepositoryRoot, new Dictionary<string, string>(),
            "pack", project, "-c", Dotnet.Configuration, "-o", Feed, $"-p:PackageVersion={Version}",
            "-m:1", "--disable-build-servers", "-nologo", "-v:q", "-tl:off");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed: {pack}");
        }

        Package = Path.Combine(Feed, $"Kubelint.MSBuild.{Version}.nupkg");
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="kubelint-test" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>The temporary folder: consumer projects are created below it, under its NuGet.config.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string Package { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>A new folder for a consumer project.</summary>
    public string NewProjectFolder(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Runs <c>dotnet build</c> as a user would, one build at a time (-m:1), without build servers that outlive it.</summary>
    public DotnetRun Build(string folder, params string[] extra) => Dotnet.Run(folder, Environment,
        ["build", "-m:1", "--disable-build-servers", "-nologo", "-tl:off", .. extra]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Kubelint.MSBuild package";
}
