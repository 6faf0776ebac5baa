using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace Linter.Core.Loading;

/// <summary>
/// YamlDotNet's scanner, remembering the last tag token the parser read: YamlDotNet checks a tag only when the parser
/// builds the node's event, and throws <see cref="ArgumentException"/> without a position for an empty or malformed one
/// (<c>!&lt;&gt;</c>, <c>!!+0</c>). The reader clears it after each event, so a tag it holds belongs to the node that failed.
/// </summary>
internal sealed class TagTrackingScanner(IScanner inner) : IScanner
{
    public Tag? LastTag { get; set; }

    public Mark CurrentPosition => inner.CurrentPosition;

    public Token? Current => inner.Current;

    public bool MoveNext() => Track(inner.MoveNext());

    public bool MoveNextWithoutConsuming() => Track(inner.MoveNextWithoutConsuming());

    public void ConsumeCurrent() => inner.ConsumeCurrent();

    private bool Track(bool moved)
    {
        if (moved && inner.Current is Tag tag)
        {
            LastTag = tag;
        }

        return moved;
    }
}
