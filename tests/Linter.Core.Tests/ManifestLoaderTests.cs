using FsCheck;
using FsCheck.Fluent;
using Linter.Core.Loading;

namespace Linter.Core.Tests;

public sealed class ManifestLoaderTests : IDisposable
{
    private const string Service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n";
    private readonly string _dir = Directory.CreateTempSubdirectory("kubelint-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private IReadOnlyList<SourceFile> Load(params string[] paths) =>
        ManifestLoader.Load(paths.Select(InputSource.FromPath).ToList(), _dir).Files;

    [Fact]
    public void Directories_are_walked_recursively_skipping_hidden_files_and_folders_and_node_modules()
    {
        Write("b/svc.yaml", Service);
        Write("a/x.yml", Service);
        Write("a/data.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}}");
        Write("a/readme.md", "# not a manifest");
        Write(".git/config.yaml", Service);
        Write("node_modules/pkg/x.yaml", Service);
        Write(".github/workflows/ci.yaml", Service);
        Write(".kubelint.yaml", "rules: {}\n");

        var files = Load(_dir);

        Assert.Equal(["a/data.json", "a/x.yml", "b/svc.yaml"], files.Select(f => f.Path));
    }

    [Fact]
    public void The_files_of_a_folder_share_its_name()
    {
        Write("apps/a.yaml", Service);
        Write("apps/b.yaml", Service);
        Write("other/c.yaml", Service);

        var files = Load(_dir);

        Assert.Equal(["apps", "apps", "other"], files.Select(f => f.Folder));
        Assert.Same(files[0].Folder, files[1].Folder);
    }

    [Theory]
    [InlineData("")]
    [InlineData("", "app")]
    [InlineData("app/z.yaml", "", "app-b")]
    public void Files_come_in_path_order_each_once_however_folders_are_named_and_arguments_overlap(params string[] arguments)
    {
        // '-' sorts before '/', so "app-b/..." comes before "app/..." although the walk meets folder app first; a folder
        // holding files and folders lists its files before its subfolders' files.
        Write("app/z.yaml", Service);
        Write("app/m.yaml", Service);
        Write("app/a/x.yaml", Service);
        Write("app-b/y.yaml", Service);
        Write("app.d/w.yaml", Service);

        var files = Load(arguments.Select(a => Path.Combine(_dir, a)).ToArray());

        Assert.Equal(["app-b/y.yaml", "app.d/w.yaml", "app/a/x.yaml", "app/m.yaml", "app/z.yaml"], files.Select(f => f.Path));
    }

    [Fact]
    public void Globs_select_matching_files()
    {
        Write("deploy/api/svc.yaml", Service);
        Write("deploy/web/svc.yml", Service);
        Write("other/svc.yaml", Service);

        var files = Load(Path.Combine(_dir, "deploy/**/*.yaml"));

        Assert.Equal(["deploy/api/svc.yaml"], files.Select(f => f.Path));
    }

    [Fact]
    public void A_missing_path_is_a_failed_file_and_the_others_still_load()
    {
        Write("ok.yaml", Service);
        var files = Load(Path.Combine(_dir, "ok.yaml"), Path.Combine(_dir, "missing.yaml"));

        var missing = files.Single(f => f.Path == "missing.yaml");
        Assert.True(missing.Failed);
        Assert.Contains("no such file", Assert.Single(missing.Problems).Message);
        Assert.Single(files.Single(f => f.Path == "ok.yaml").Documents);
    }

    [Fact]
    public void A_binary_file_is_a_failed_file()
    {
        var path = Path.Combine(_dir, "image.yaml");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        var file = Assert.Single(Load(path));
        Assert.True(file.Failed);
        Assert.Contains("binary", file.Problems[0].Message);
    }

    [Fact]
    public void A_utf8_bom_does_not_shift_columns()
    {
        var path = Path.Combine(_dir, "bom.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Service)]);
        var doc = Assert.Single(Assert.Single(Load(path)).Documents);
        Assert.Equal(1, doc.Root.Entries[0].Key.Span.Column);
    }

    [Fact]
    public void Kind_list_items_become_documents()
    {
        var file = ManifestLoader.Parse("l.yaml", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: b}\n");
        Assert.Equal(2, file.Documents.Count);
        Assert.Equal(4, file.Documents[0].Root.Span.Line);
    }

    [Fact]
    public void A_document_without_kind_is_not_a_manifest()
    {
        var file = ManifestLoader.Parse("v.yaml", "replicaCount: 2\nimage: nginx\n");
        var problem = Assert.Single(file.Problems);
        Assert.Equal(ProblemKind.NotAManifest, problem.Kind);
        Assert.Equal(1, problem.Span.Line);
        Assert.Empty(file.Documents);
    }

    [Fact]
    public void Template_markers_in_structure_skip_the_file()
    {
        var file = ManifestLoader.Parse("t.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n");
        var problem = Assert.Single(file.Problems);
        Assert.Equal(ProblemKind.TemplateMarkers, problem.Kind);
        Assert.Equal(new SourceSpan("t.yaml", 4, 9, 4, 11), problem.Span);
        Assert.Empty(file.Documents);
        Assert.False(file.Failed);
    }

    [Fact]
    public void Template_markers_inside_string_values_and_comments_are_data()
    {
        var file = ManifestLoader.Parse("c.yaml", "# {{ not a template }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\ndata:\n  rule: |\n    summary: {{ $labels.instance }} is down\n  quoted: \"{{ .Values }}\"\n");
        Assert.Empty(file.Problems);
        Assert.Single(file.Documents);
    }

    [Fact]
    public void A_block_scalar_starting_with_an_indented_blank_line_parses()
    {
        var file = ManifestLoader.Parse("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  config.yaml: |\n    \n    auth_enabled: false\n");
        Assert.Empty(file.Problems);
        Assert.Single(file.Documents);
    }

    [Theory]
    [InlineData("a: |\n  \n  x\n", "a: |\n\n  x\n")]
    [InlineData(" \t \na\n\t\r\nb\n  ", "\na\n\r\nb\n")]
    [InlineData("a: 1\n  b\n  \r\r\n \n", "a: 1\n  b\n  \r\r\n\n")]
    [InlineData("a:  \nb: '  '\n", "a:  \nb: '  '\n")]
    public void Lines_of_only_spaces_or_tabs_are_emptied_and_other_lines_kept(string text, string expected)
    {
        Assert.Equal(expected, ManifestLoader.BlankLinesWithoutIndent(text));
    }

    [Fact]
    public void Blank_lines_are_emptied_as_the_regular_expression_did()
    {
        // Texts of the characters that matter: the loop against the expression it replaced.
        var texts = Gen.ArrayOf(Gen.Elements(' ', '\t', '\r', '\n', 'a')).Select(chars => new string(chars));
        var property = Prop.ForAll(texts.ToArbitrary(), text =>
            ManifestLoader.BlankLinesWithoutIndent(text) == System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^[ \t]+(?=\r?$)", string.Empty));
        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000).WithEndSize(40).WithQuietOnSuccess(true), property);
    }

    [Fact]
    public void A_text_without_blank_lines_comes_back_as_it_is()
    {
        var text = "a: 1\n  b: 2\r\n";
        Assert.Same(text, ManifestLoader.BlankLinesWithoutIndent(text));
    }

    [Fact]
    public void Kustomize_patches_are_left_out_and_other_files_kept()
    {
        Write("overlay/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../base]\npatches:\n  - path: replicas.yaml\npatchesStrategicMerge:\n  - ./patches/env.yaml\n");
        Write("overlay/replicas.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n");
        Write("overlay/patches/env.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");
        Write("overlay/delete.yaml", "$patch: delete\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: loadgen}\n");
        Write("overlay/service.yaml", Service);

        var files = Load(_dir);

        Assert.Equal(["overlay/service.yaml"], files.Where(f => f.Documents.Count > 0).Select(f => f.Path));
        Assert.NotNull(files.Single(f => f.Path == "overlay/kustomization.yaml").Kustomization);
    }

    [Theory]
    [InlineData("kustomization.yaml")]
    [InlineData("kustomization.yml")]
    [InlineData("Kustomization")]
    public void A_kustomization_is_known_by_its_name_without_apiVersion_and_kind(string name)
    {
        Write($"base/{name}", "resources: [deployment.yaml]\npatches:\n  - path: patch.yaml\n    target: {kind: Deployment}\n");
        Write("base/patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n");
        Write("base/deployment.yaml", Service);

        var files = Load(_dir);

        // The kustomization is linted as its build: the resource's objects are its documents, with the resource's spans.
        var build = Assert.Single(files, f => f.Documents.Count > 0);
        Assert.Equal($"base/{name}", build.Path);
        Assert.Equal("base/deployment.yaml", Assert.Single(build.Documents).Root.Span.Path);
        Assert.DoesNotContain(files.SelectMany(f => f.Problems), p => p.Kind == ProblemKind.NotAManifest);
    }

    [Theory]
    [InlineData("url: \"http://db.data:5432/x\"\n", 1, 14)]
    [InlineData("url: 'see http://db.data'\n", 1, 18)]
    [InlineData("cfg: |\n  a: 1\n  url: http://db.data\n", 3, 15)]
    [InlineData("cmd: [sh, -c, \"ping db.data\"]\n", 1, 21)]
    [InlineData("cmd: [😀, a, \"http://db.data\"]\n", 1, 22)]
    [InlineData("cmd: [é, a, 'http://db.data']\n", 1, 21)]
    [InlineData("cmd: [sh, -c, \"ping\\tdb.data\"]\n", 1, 22)]
    [InlineData("cmd: [sh, -c, 'it''s db.data']\n", 1, 22)]
    [InlineData("url: db.data:80 # db.data\n", 1, 6)]
    public void A_part_of_a_scalar_is_located_in_the_source(string yaml, int line, int column)
    {
        var file = ManifestLoader.Parse("s.yaml", "apiVersion: v1\nkind: X\n" + yaml);
        var root = Assert.Single(file.Documents).Root;
        var scalar = root.Entries[2].Value is SequenceNode list ? (ScalarNode)list.Items[2] : (ScalarNode)root.Entries[2].Value;
        var span = file.Locate(scalar, scalar.Value.IndexOf("db.data", StringComparison.Ordinal), "db.data".Length);
        Assert.Equal((line + 2, column, line + 2, column + 7), (span.Line, span.Column, span.EndLine, span.EndColumn));
    }

    [Theory]
    [InlineData("url: \"http://db.data:5432/x\"\n")]
    [InlineData("note: 'café ☕ 😀 see http://db.data'\n")]
    [InlineData("cfg: |\r\n  naïve: 1\r\n  url: http://db.data\r\n")]
    public void A_text_kept_as_utf8_reads_back_as_it_was(string yaml)
    {
        var text = "apiVersion: v1\nkind: X # ünïcode\n" + yaml;
        var file = ManifestLoader.Parse("u.yaml", text);
        var other = ManifestLoader.Parse("o.yaml", "kind: Y\n");
        var scalar = (ScalarNode)Assert.Single(file.Documents).Root.Entries[2].Value;
        var at = scalar.Value.IndexOf("db.data", StringComparison.Ordinal);
        var lines = Enumerable.Range(1, 5).Select(file.Line).ToList();
        var located = file.Locate(scalar, at, "db.data".Length);

        file.KeepTextAsUtf8();
        other.KeepTextAsUtf8();

        // Read in turns, so that each read decodes again.
        Assert.Equal("kind: Y\n", other.Text);
        Assert.Equal(text, file.Text);
        Assert.Equal("kind: Y\n", other.Text);
        Assert.Equal(lines, Enumerable.Range(1, 5).Select(file.Line));
        Assert.Equal("kind: Y", other.Line(1));
        Assert.Equal(located, file.Locate(scalar, at, "db.data".Length));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_read_from_disk_reads_back_as_it_was_once_kept_as_utf8(bool byteOrderMark)
    {
        const string text = "apiVersion: v1\nkind: ConfigMap # ünïcode ☕ 😀\nmetadata: {name: c}\ndata: {url: 'http://db.data'}\n";
        var path = Path.Combine(_dir, "r.yaml");
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: byteOrderMark));
        var file = ManifestLoader.ReadFile(path, "r.yaml");
        var lines = Enumerable.Range(1, 5).Select(file.Line).ToList();

        file.KeepTextAsUtf8();

        Assert.Equal(byteOrderMark, file.HasByteOrderMark);
        Assert.Equal(text, file.Text);
        Assert.Equal(lines, Enumerable.Range(1, 5).Select(file.Line));
    }

    [Fact]
    public void A_text_utf8_cannot_hold_is_kept_as_it_is()
    {
        var file = new SourceFile("s.yaml", "a: \ud800\n");
        file.KeepTextAsUtf8();
        Assert.Equal("a: \ud800\n", file.Text);
    }

    [Theory]
    [InlineData("a: 1\nb: 2\n", new[] { "a: 1", "b: 2", "" })]
    [InlineData("a: 1\r\nb: 2", new[] { "a: 1", "b: 2" })]
    [InlineData("\n\nc: 3\r\n", new[] { "", "", "c: 3", "" })]
    [InlineData("", new[] { "" })]
    public void A_line_is_read_without_its_line_break(string text, string[] lines)
    {
        var file = new SourceFile("l.yaml", text);
        Assert.Equal(lines, Enumerable.Range(1, lines.Length).Select(file.Line));
        Assert.Equal(string.Empty, file.Line(0));
        Assert.Equal(string.Empty, file.Line(lines.Length + 1));
    }
}
