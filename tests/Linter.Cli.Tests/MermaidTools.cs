using System.Diagnostics;

namespace Linter.Cli.Tests;

/// <summary>
/// The npm packages that check Mermaid diagrams (mermaid/package.json: the mermaid parser and jsdom), installed once
/// into a cache folder: .ci/mermaid installs them before the tests, with @mermaid-js/mermaid-cli and Debian's Chromium
/// to render; a developer's first run installs the parser, later runs reuse it. Without node, npm or a network the
/// Mermaid tests are skipped, saying why.
/// </summary>
internal static class MermaidTools
{
    private static readonly Lazy<string?> Missing = new(Install);

    private static string Sources => Path.Combine(Cli.Root, "tests", "Linter.Cli.Tests", "mermaid");

    /// <summary>
    /// KUBELINT_TOOLS_CACHE, else ~/.cache/kubelint-tests, then mermaid-HASH: a new folder when package.json changes.
    /// .ci/mermaid names it the same way.
    /// </summary>
    public static string Folder
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("KUBELINT_TOOLS_CACHE") is { Length: > 0 } given
                ? given
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "kubelint-tests");
            var hash = System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(Sources, "package.json")));
            return Path.Combine(cache, "mermaid-" + Convert.ToHexStringLower(hash)[..12]);
        }
    }

    /// <summary>Why the Mermaid tests cannot run here, or null when they can.</summary>
    public static string? WhyMissing => Missing.Value;

    /// <summary>The Chromium mermaid-cli renders with: CHROMIUM_PATH, else Debian's.</summary>
    public static string? Chromium =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(p => p is { Length: > 0 } && File.Exists(p));

    public static string? Renderer => Path.Combine(Folder, "node_modules", ".bin", "mmdc") is var mmdc && File.Exists(mmdc) && Chromium is not null ? mmdc : null;

    /// <summary>Parses each file with mermaid: the exit code and, per file, "ok FILE" or "invalid FILE: why".</summary>
    public static (int ExitCode, string Output) Validate(params string[] files)
    {
        var script = Path.Combine(Folder, "validate.mjs");
        File.Copy(Path.Combine(Sources, "validate.mjs"), script, overwrite: true);
        return Run("node", Folder, [script, .. files], TimeSpan.FromMinutes(2));
    }

    /// <summary>Renders <paramref name="file"/> to SVG with mermaid-cli in headless Chromium.</summary>
    public static (int ExitCode, string Output) Render(string file, string svg)
    {
        var config = Path.Combine(Folder, "puppeteer.json");
        File.WriteAllText(config, $$"""{ "executablePath": "{{Chromium}}", "args": ["--no-sandbox", "--headless=new"] }""");
        return Run(Renderer!, Folder, ["-i", file, "-o", svg, "-p", config, "-q"], TimeSpan.FromMinutes(2));
    }

    private static string? Install()
    {
        if (!OnPath("node") || !OnPath("npm"))
        {
            return "node and npm are needed to check Mermaid diagrams (apt-get install nodejs npm)";
        }

        if (File.Exists(Path.Combine(Folder, "node_modules", "mermaid", "package.json")) && File.Exists(Path.Combine(Folder, "node_modules", "jsdom", "package.json")))
        {
            return null;
        }

        Directory.CreateDirectory(Folder);
        File.Copy(Path.Combine(Sources, "package.json"), Path.Combine(Folder, "package.json"), overwrite: true);
        var (code, output) = Run("npm", Folder, ["install", "--no-audit", "--no-fund", "--loglevel=error", "--fetch-retries=0", "--fetch-timeout=30000"], TimeSpan.FromMinutes(4));
        return code == 0 ? null : $"npm could not install mermaid/package.json into {Folder} (offline?): {output.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal) && !l.Contains("complete log", StringComparison.Ordinal))?.Trim()}";
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));

    private static (int ExitCode, string Output) Run(string program, string folder, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{program} did not finish within {timeout}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

/// <summary>A test that needs the mermaid npm package: skipped, with the reason, where it cannot be installed.</summary>
internal sealed class MermaidFactAttribute : FactAttribute
{
    public MermaidFactAttribute()
    {
        if (MermaidTools.WhyMissing is { } why)
        {
            Skip = why;
        }
    }
}

/// <summary>A test that renders with mermaid-cli in Chromium: skipped, with the reason, where they are not installed (.ci/mermaid installs them).</summary>
internal sealed class MermaidRenderFactAttribute : FactAttribute
{
    public MermaidRenderFactAttribute()
    {
        Skip = MermaidTools.WhyMissing ?? (MermaidTools.Renderer is null
            ? $"rendering needs @mermaid-js/mermaid-cli in {MermaidTools.Folder} and Chromium (.ci/mermaid installs both)"
            : null);
    }
}
