namespace Linter.Core.Loading;

/// <summary>
/// Where manifests come from: paths, directories and globs on disk, or text handed over directly. The
/// configuration's include/exclude globs apply to files found by a folder walk or a glob, to files a project
/// lists, and to files whose text a host hands over; never to a file the user named, nor to standard input.
/// </summary>
internal sealed record InputSource
{
    private InputSource(string path, string? text, string? filterPath, bool listed) =>
        (Path, Text, FilterPath, Listed) = (path, text, filterPath, listed);

    /// <summary>A file, a directory (searched recursively), a glob such as <c>deploy/**/*.yaml</c>.</summary>
    public string Path { get; }

    /// <summary>The content, when it does not come from disk (standard input, an IDE buffer).</summary>
    public string? Text { get; }

    /// <summary>For text: the full path include/exclude judge; null when they never apply (standard input).</summary>
    public string? FilterPath { get; }

    /// <summary>Why the input could not be read (standard input past the size limit, not UTF-8); its text is then empty.</summary>
    public string? Problem { get; private init; }

    /// <summary>The line and column <see cref="Problem"/> applies to.</summary>
    public (int Line, int Column) ProblemAt { get; private init; } = (1, 1);

    /// <summary>
    /// Standard input, read to its end as strict UTF-8 but never past <see cref="LoadLimits.MaxFileBytes"/> bytes: a
    /// larger stream (or one that never ends, such as <c>/dev/zero</c>) or invalid UTF-8 is a problem of the input.
    /// </summary>
    public static InputSource FromStream(string displayPath, Stream stream)
    {
        var read = InputFiles.ReadStream(stream, LoadLimits.MaxFileBytes, rejectBinary: true);
        return read.Problem is { } problem
            ? new InputSource(displayPath, string.Empty, null, listed: false) { Problem = problem, ProblemAt = (read.Line, read.Column) }
            : FromText(displayPath, (read.ByteOrderMark ? "\uFEFF" : string.Empty) + read.Text);
    }

    /// <summary>A file that a project's item list found (include/exclude apply), not one the user named.</summary>
    public bool Listed { get; }

    /// <summary>A path argument as the user gave it: a file named this way is linted whatever the filter says.</summary>
    public static InputSource FromPath(string path) => new(path, null, null, listed: false);

    /// <summary>A file that a project's item list found, like a folder walk would.</summary>
    public static InputSource FromListedFile(string fullPath) => new(fullPath, null, null, listed: true);

    /// <summary>Text without a file behind it, such as standard input.</summary>
    public static InputSource FromText(string displayPath, string text) => new(displayPath, text, null, listed: false);

    /// <summary>A file's text read by a host (the compiler's additional files), shown as <paramref name="displayPath"/>.</summary>
    public static InputSource FromFileText(string fullPath, string displayPath, string text) => new(displayPath, text, fullPath, listed: true);
}
