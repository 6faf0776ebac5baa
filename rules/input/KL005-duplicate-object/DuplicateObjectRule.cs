using Linter.Core.Loading;
using Linter.Core.Model;
using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class DuplicateObjectRule() : Rule(new RuleDescriptor("KL005", "duplicate-object", "Two objects with the same identity", Severity.Error, "input"))
{
    public override void Check(RuleContext context)
    {
        // Copies in separate files are how repositories keep alternatives (variants, versions, fixtures);
        // two copies in one file are always applied together.
        var firsts = new Dictionary<(ObjectKey Key, SourceFile File), KubeObject>(context.Snapshot.Objects.Count);
        foreach (var obj in context.Snapshot.Objects)
        {
            if (obj.Name.Length == 0)
            {
                continue;
            }

            if (!firsts.TryGetValue((obj.Key, obj.Document.File), out var first))
            {
                firsts[(obj.Key, obj.Document.File)] = obj;
                continue;
            }

            var group = obj.Group.Length == 0 ? "core" : obj.Group;
            var scope = obj.IsClusterScoped ? "in the cluster" : $"in namespace {obj.Namespace}";
            var twice = $"{obj} is defined twice {scope} (group {group})";
            RelatedLocation[] related = [new RelatedLocation(first.NameSpan, $"first {obj}")];
            if (obj.SameContentAsFirstCopyInFile)
            {
                // Applying an identical copy again changes nothing: untidy, not wrong.
                context.Report(obj.NameSpan, $"{twice} with the same content; the first is on line {first.NameSpan.Line}. Applying the copy changes nothing: delete it", Severity.Note, related);
                continue;
            }

            context.Report(obj.NameSpan,
                $"{twice}; the first is on line {first.NameSpan.Line}. Applying the file makes the later one overwrite the first: rename one or delete the copy",
                related: related);
        }
    }
}
