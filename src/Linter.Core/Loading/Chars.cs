namespace Linter.Core.Loading;

/// <summary>
/// Tests over the characters of a string without the enumerator LINQ boxes for each call (names and numbers are tested
/// a few million times on a large input).
/// </summary>
internal static class Chars
{
    public static bool All(string text, Func<char, bool> test)
    {
        foreach (var c in text)
        {
            if (!test(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Any(string text, Func<char, bool> test)
    {
        foreach (var c in text)
        {
            if (test(c))
            {
                return true;
            }
        }

        return false;
    }
}
