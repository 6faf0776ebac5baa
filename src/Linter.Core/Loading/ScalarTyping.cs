using System.Globalization;

namespace Linter.Core.Loading;

/// <summary>
/// Resolves plain scalars as Kubernetes' YAML decoder does (go-yaml v2, YAML 1.1 rules):
/// <c>yes</c>, <c>on</c> and <c>y</c> are booleans, <c>0x50</c> and <c>0120</c> are numbers.
/// </summary>
internal static class ScalarTyping
{
    private static readonly HashSet<string> Nulls = new(StringComparer.Ordinal) { "", "~", "null", "Null", "NULL" };

    private static readonly HashSet<string> Bools = new(StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    };

    public static ScalarKind Resolve(string value, string? tag, bool isPlain)
    {
        switch (tag)
        {
            case "tag:yaml.org,2002:str" or "!!str": return ScalarKind.String;
            case "tag:yaml.org,2002:int" or "!!int": return TryParseInt(value, out _) ? ScalarKind.Int : ScalarKind.String;
            case "tag:yaml.org,2002:null" or "!!null": return ScalarKind.Null;
            case "tag:yaml.org,2002:bool" or "!!bool": return ScalarKind.Bool;
            case "tag:yaml.org,2002:float" or "!!float": return ScalarKind.Float;
        }

        if (!isPlain)
        {
            return ScalarKind.String;
        }

        // Most plain scalars are names: their first character rules out every other kind without a look-up or a parse.
        var first = value.Length == 0 ? '~' : value[0];
        if (first is '~' or 'n' or 'N' && Nulls.Contains(value))
        {
            return ScalarKind.Null;
        }

        if (first is 'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' && Bools.Contains(value))
        {
            return ScalarKind.Bool;
        }

        if (first is not (>= '0' and <= '9') and not '-' and not '+' and not '.' and not '_')
        {
            return ScalarKind.String;
        }

        if (TryParseInt(value, out _))
        {
            return ScalarKind.Int;
        }

        return IsFloat(value) ? ScalarKind.Float : ScalarKind.String;
    }

    /// <summary>Reads a YAML 1.1 integer: decimal, 0x hex, 0 octal, 0b binary, with optional sign and '_'.</summary>
    public static bool TryParseInt(string text, out long value)
    {
        value = 0;
        var s = text.Replace("_", string.Empty);
        if (s.Length == 0)
        {
            return false;
        }

        var negative = s[0] == '-';
        if (s[0] is '-' or '+')
        {
            s = s.Substring(1);
        }

        if (s.Length == 0 || !char.IsDigit(s[0]))
        {
            return false;
        }

        bool ok;
        if (s.StartsWith("0x", StringComparison.Ordinal))
        {
            ok = long.TryParse(s.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (s.StartsWith("0b", StringComparison.Ordinal))
        {
            ok = TryParseDigits(s.Substring(2), 2, out value);
        }
        else if (s.Length > 1 && s[0] == '0')
        {
            ok = TryParseDigits(s.Substring(1), 8, out value);
        }
        else
        {
            ok = Chars.All(s, char.IsDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (ok && negative)
        {
            value = -value;
        }

        return ok;
    }

    private static bool TryParseDigits(string digits, int radix, out long value)
    {
        value = 0;
        if (digits.Length == 0)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var d = c - '0';
            if (d < 0 || d >= radix || value > (long.MaxValue - d) / radix)
            {
                return false;
            }

            value = (value * radix) + d;
        }

        return true;
    }

    private static bool IsFloat(string s)
    {
        if (s is ".inf" or ".Inf" or ".INF" or "-.inf" or "+.inf" or "-.Inf" or "+.Inf" or ".nan" or ".NaN" or ".NAN")
        {
            return true;
        }

        var start = s.Length > 0 && s[0] is '-' or '+' ? 1 : 0;
        var body = s.Substring(start).Replace("_", string.Empty);
        return body.Length > 0 && (char.IsDigit(body[0]) || (body[0] == '.' && body.Length > 1 && char.IsDigit(body[1]))) &&
               double.TryParse(body, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _);
    }
}
