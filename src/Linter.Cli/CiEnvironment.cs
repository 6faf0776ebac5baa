namespace Linter.Cli;

/// <summary>What the CI system around kubelint tells it through its environment.</summary>
/// <param name="StepSummary">GITHUB_STEP_SUMMARY: the file GitHub Actions shows as the job summary (the github format appends to it).</param>
/// <param name="SourceUrl">Where the repository's files are browsed at this commit, for links in Markdown reports.</param>
public sealed record CiEnvironment(string? StepSummary, string? SourceUrl)
{
    /// <summary>No CI system: no job summary, relative links.</summary>
    public static CiEnvironment None { get; } = new(null, null);

    /// <summary>
    /// This process's environment: GitHub Actions (GITHUB_STEP_SUMMARY; GITHUB_SERVER_URL/GITHUB_REPOSITORY/blob/GITHUB_SHA)
    /// or GitLab CI (CI_PROJECT_URL/-/blob/CI_COMMIT_SHA).
    /// </summary>
    public static CiEnvironment FromProcess() => From(Environment.GetEnvironmentVariable);

    public static CiEnvironment From(Func<string, string?> variable)
    {
        string? Value(string name) => variable(name) is { Length: > 0 } value ? value : null;
        var github = Value("GITHUB_SERVER_URL") is { } server && Value("GITHUB_REPOSITORY") is { } repository && Value("GITHUB_SHA") is { } sha
            ? $"{server.TrimEnd('/')}/{repository}/blob/{sha}"
            : null;
        var gitlab = Value("CI_PROJECT_URL") is { } project && Value("CI_COMMIT_SHA") is { } commit
            ? $"{project.TrimEnd('/')}/-/blob/{commit}"
            : null;
        return new CiEnvironment(Value("GITHUB_STEP_SUMMARY"), github ?? gitlab);
    }
}
