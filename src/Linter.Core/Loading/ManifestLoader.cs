using Linter.Core.Loading.Kustomize;

namespace Linter.Core.Loading;

/// <summary>
/// Reads every input once, in parallel, into documents with spans. Problems (unreadable files, broken
/// YAML, template markers, documents that are not manifests) are kept with positions; they never
/// stop the other files from loading. Files come back ordered by path.
/// </summary>
internal static class ManifestLoader
{
    /// <summary>Larger files are refused: no manifest set is this big, and it protects memory.</summary>
    public const long MaxFileBytes = LoadLimits.MaxFileBytes;

    /// <summary>Loads the inputs; <paramref name="keep"/> (include/exclude) judges the files that were not named explicitly.
    /// <paramref name="cancellation"/> stops it between files. <paramref name="whenParsed"/> runs on each file as soon
    /// as it is parsed, on the loading thread (the engine binds it there, so that its node trees can go early).</summary>
    public static LoadedInput Load(IReadOnlyList<InputSource> inputs, string workingDirectory, Func<string, bool>? keep = null, CancellationToken cancellation = default, Action<SourceFile>? whenParsed = null)
    {
        var expansion = PathExpander.Expand(inputs.Where(i => i.Text is null), keep);
        var (files, missing) = (expansion.Files, expansion.Missing);
        var texts = inputs.Where(i => i.Text is not null && (keep is null || i.FilterPath is null || keep(i.FilterPath))).ToList();
        var excluded = expansion.Excluded + inputs.Count(i => i.Text is not null) - texts.Count;
        var loaded = new SourceFile[texts.Count + files.Count];
        // The files of a folder share its name (a copy per file was 5 MB at 50,000 files).
        var folders = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        void LoadOne(int i)
        {
            var file = loaded[i] = i < texts.Count
                ? texts[i].Problem is { } problem ? Failure(texts[i].Path, problem, texts[i].ProblemAt.Line, texts[i].ProblemAt.Column) : Parse(texts[i].Path, texts[i].Text!)
                : ReadFile(files[i - texts.Count], DisplayPath(files[i - texts.Count], workingDirectory));
            file.Folder = folders.GetOrAdd(file.Folder, file.Folder);
            if (file.Kustomization is { } kustomization && i >= texts.Count && !KustomizePatches.IsComponent(kustomization))
            {
                Build(file, files[i - texts.Count], workingDirectory);
            }

            whenParsed?.Invoke(file);
        }

        Cores.For(loaded.Length, LoadOne, cancellation);

        var all = loaded.Concat(missing.Select(m => Failure(DisplayPath(m.Argument, workingDirectory), m.Reason))).ToList();
        all = KustomizeBuilds.Settle(all, Named(inputs, workingDirectory));
        if (!OrdinalOrder.IsStrictlyIncreasing(all, file => file.Path))
        {
            all.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        }
        KustomizePatches.Remove(all);
        return new LoadedInput(all, excluded);
    }

    /// <summary>The display paths of the files the user named one by one (not found by a folder walk or a glob).</summary>
    private static HashSet<string> Named(IReadOnlyList<InputSource> inputs, string workingDirectory) =>
        new(inputs.Where(i => i.Text is null && !i.Listed && InputFiles.KindOf(i.Path).Kind == PathKind.Regular).Select(i => DisplayPath(i.Path, workingDirectory)), StringComparer.Ordinal);

    /// <summary>
    /// A kustomization is linted as its build: its documents are the objects the build gives. A component is not built
    /// on its own (kustomize builds it only into a kustomization): its resources are linted as files.
    /// </summary>
    private static void Build(SourceFile file, string fullPath, string workingDirectory)
    {
        var build = KustomizeBuild.Run(file, fullPath, workingDirectory);
        var index = 0;
        foreach (var root in build.Objects)
        {
            AddDocument(file, root, ref index);
        }

        file.Build = build;
    }

    public static string DisplayPath(string path, string workingDirectory)
    {
        var full = Path.GetFullPath(Path.Combine(workingDirectory, path));
        var root = Path.GetFullPath(workingDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var shown = full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : full;
        return shown.Replace('\\', '/');
    }

    internal static SourceFile ReadFile(string fullPath, string displayPath)
    {
        var read = InputFiles.ReadText(fullPath, MaxFileBytes, rejectBinary: true);
        if (read.Problem is { } problem)
        {
            return Failure(displayPath, problem, read.Line, read.Column);
        }

        // The byte order mark is kept as U+FEFF so that Parse records it (GitHub's line hashes include it).
        var file = Parse(displayPath, (read.ByteOrderMark ? "\uFEFF" : string.Empty) + read.Text);
        if (read.Utf8 is { } utf8)
        {
            file.ReadFromUtf8(utf8);
        }

        return file;
    }

    private static SourceFile Failure(string displayPath, string reason, int line = 1, int column = 1)
    {
        var file = new SourceFile(displayPath, string.Empty) { Failed = true };
        file.Problems.Add(new InputProblem(ProblemKind.Unparseable, new SourceSpan(displayPath, line, column, line, column + 1), reason));
        return file;
    }

    public static SourceFile Parse(string displayPath, string text)
    {
        var bom = text.Length > 0 && text[0] == '\uFEFF';
        if (bom)
        {
            text = text.Substring(1);
        }

        var file = new SourceFile(displayPath, text) { HasByteOrderMark = bom };
        var read = YamlReader.Read(displayPath, BlankLinesWithoutIndent(text));
        file.Comments = read.Comments;
        file.RenderedFrom = RenderedTemplates.Of(read.Comments);
        var marker = TemplateMarkers.FirstOutsideStrings(file, read);
        if (marker is { } at)
        {
            file.Problems.Add(new InputProblem(ProblemKind.TemplateMarkers, at,
                "the file contains template markers ({{ … }}) and is skipped; render it first, e.g. `helm template RELEASE CHART | kubelint check -`"));
            return file;
        }

        if (read.Problems.Count > 0)
        {
            file.Problems.AddRange(read.Problems);
            file.Failed = true;
            if (!read.Complete)
            {
                return file;
            }
        }

        if (KustomizePatches.IsKustomizationFile(displayPath))
        {
            file.Kustomization = read.Documents.FirstOrDefault() as MappingNode;
        }
        else
        {
            var index = 0;
            foreach (var root in read.Documents)
            {
                AddDocument(file, root, ref index);
            }
        }

        file.PatchPaths = KustomizePatches.PatchPathsOf(file);
        return file;
    }

    /// <summary>
    /// Empties lines that hold only spaces or tabs. YamlDotNet rejects a block scalar whose first
    /// line is such a line ("extra spaces in first line") where Kubernetes' decoder accepts it; the
    /// change keeps every line and column in place. Every file passes through here: a loop, not a
    /// regular expression, which cost each run its construction (about 30 ms compiled) or every byte
    /// (interpreted), and the text itself comes back when no line is blank.
    /// </summary>
    internal static string BlankLinesWithoutIndent(string text)
    {
        System.Text.StringBuilder? blanked = null;
        var copied = 0;
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var indentEnd = lineStart;
            while (indentEnd < text.Length && text[indentEnd] is ' ' or '\t')
            {
                indentEnd++;
            }

            var lineEnd = indentEnd < text.Length && text[indentEnd] == '\r' ? indentEnd + 1 : indentEnd;
            if (indentEnd > lineStart && (lineEnd == text.Length || text[lineEnd] == '\n'))
            {
                blanked ??= new System.Text.StringBuilder(text.Length);
                blanked.Append(text, copied, lineStart - copied);
                copied = indentEnd;
            }

            var newline = text.IndexOf('\n', indentEnd);
            lineStart = newline < 0 ? text.Length : newline + 1;
        }

        return blanked is null ? text : blanked.Append(text, copied, text.Length - copied).ToString();
    }

    private static void AddDocument(SourceFile file, Node root, ref int index)
    {
        switch (root)
        {
            case ScalarNode { IsNull: true }:
                return;
            case MappingNode map when IsManifest(map):
                if (map["items"] is SequenceNode items && map["kind"] is ScalarNode { Value: var kind } && kind.EndsWith("List", StringComparison.Ordinal))
                {
                    foreach (var item in items.Items)
                    {
                        AddDocument(file, item, ref index);
                    }

                    return;
                }

                var position = index++;
                if (!KustomizePatches.IsPatchDirective(map))
                {
                    file.Documents.Add(new SourceDocument(file, position, map));
                }

                return;
            default:
                var what = root is MappingNode ? "has no `apiVersion` and `kind`" : $"is {root.Describe()}, not a mapping with `apiVersion` and `kind`";
                var span = root is MappingNode { Entries.Count: > 0 } m ? m.Entries[0].Key.Span : root.Span;
                file.Problems.Add(new InputProblem(ProblemKind.NotAManifest, span, $"this document {what}: it is not a Kubernetes manifest and is skipped"));
                return;
        }
    }

    private static bool IsManifest(MappingNode map) =>
        map["apiVersion"] is ScalarNode { Kind: ScalarKind.String } && map["kind"] is ScalarNode { Kind: ScalarKind.String };
}

/// <summary>The files read, ordered by path, and how many files the include/exclude filter left out.</summary>
internal sealed record LoadedInput(IReadOnlyList<SourceFile> Files, int Excluded);
