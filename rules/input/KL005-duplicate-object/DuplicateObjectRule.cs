using Linter.Core.Rules;

namespace Linter.Rules.Input;

public sealed class DuplicateObjectRule : Rule
{
    public static readonly RuleDescriptor Rule = new("KL005", "duplicate-object", "Two objects with the same identity", Severity.Error, "input");

    public override RuleDescriptor Descriptor => Rule;

    public override void Check(RuleContext context)
    {
        foreach (var obj in context.Snapshot.Objects)
        {
            if (obj.Name.Length == 0)
            {
                continue;
            }

            var same = context.Snapshot.Find(obj.Key).Where(o => o.ApplyUnit == obj.ApplyUnit).ToList();
            if (same.Count < 2 || same[0] == obj)
            {
                continue;
            }

            var first = same[0];
            var group = obj.Group.Length == 0 ? "core" : obj.Group;
            context.Report(obj.NameSpan,
                $"{obj.Kind} {obj.Name} is defined twice in namespace {obj.Namespace} (group {group}); the first is in {first.Document.File.Path}:{first.NameSpan.Line}. Applying both makes the later one overwrite the first: rename one or delete the copy",
                related: [new RelatedLocation(first.NameSpan, $"first {obj.Kind} {obj.Name}")]);
        }
    }
}
