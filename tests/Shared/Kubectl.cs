using System.Diagnostics;

namespace Linter.Tests;

/// <summary><c>kubectl kustomize</c>, kustomize's own build, for tests that compare kubelint's build with it.</summary>
internal static class Kubectl
{
    public static bool Installed { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator).Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "kubectl")));

    /// <summary>Builds the kustomization in <paramref name="folder"/>: kubectl's exit code, its output and its errors.</summary>
    public static (int ExitCode, string Output, string Error) Kustomize(string folder)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}

/// <summary>A theory that runs only where <c>kubectl</c> is on the PATH, and says why it is skipped elsewhere.</summary>
public sealed class KubectlTheoryAttribute : TheoryAttribute
{
    public KubectlTheoryAttribute()
    {
        if (!Kubectl.Installed)
        {
            Skip = "kubectl is not installed (Debian package kubectl): kubelint's kustomize build is not compared with `kubectl kustomize`";
        }
    }
}

/// <summary>A fact that runs only where <c>kubectl</c> is on the PATH, and says why it is skipped elsewhere.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (!Kubectl.Installed)
        {
            Skip = "kubectl is not installed (Debian package kubectl): findings of a build are not compared with those of `kubectl kustomize`";
        }
    }
}
