using System.Globalization;

namespace Patchbay.Core.Data;

/// <summary>
/// A number read from its text, kept as digits and an exponent so that no digit is lost on the way
/// (no <see cref="double"/> or <see cref="decimal"/> in between).
/// </summary>
/// <remarks>
/// Accepts JSON's number grammar, plus a leading <c>+</c> and leading zeros, which strings written by people
/// and spreadsheets often have. The decimal separator is always '.'.
/// </remarks>
internal readonly record struct NumberText
{
    /// <summary>The longest plain (exponent-free) text a number may expand to; beyond it the value is out of range.</summary>
    public const int MaxPlainLength = 1000;

    private NumberText(bool negative, string integerDigits, string fractionDigits, int exponent, bool hasExponent)
    {
        Negative = negative;
        IntegerDigits = integerDigits;
        FractionDigits = fractionDigits;
        Exponent = exponent;
        HasExponent = hasExponent;
    }

    public bool Negative { get; }

    public string IntegerDigits { get; }

    public string FractionDigits { get; }

    public int Exponent { get; }

    public bool HasExponent { get; }

    public static bool TryParse(string text, out NumberText number)
    {
        number = default;
        var span = text.AsSpan();
        var i = 0;
        var negative = false;
        if (i < span.Length && span[i] is '-' or '+')
        {
            negative = span[i] == '-';
            i++;
        }

        var integer = Digits(span, ref i);
        if (integer.Length == 0)
        {
            return false;
        }

        var fraction = string.Empty;
        if (i < span.Length && span[i] == '.')
        {
            i++;
            fraction = Digits(span, ref i);
            if (fraction.Length == 0)
            {
                return false;
            }
        }

        var exponent = 0;
        var hasExponent = i < span.Length && span[i] is 'e' or 'E';
        if (hasExponent && !TryExponent(span, ref i, out exponent))
        {
            return false;
        }

        if (i != span.Length)
        {
            return false;
        }

        number = new NumberText(negative, integer, fraction, exponent, hasExponent);
        return true;
    }

    /// <summary>The value as plain JSON number text without an exponent, keeping every digit (trailing zeros too).</summary>
    /// <returns>Null when the expansion would be longer than <see cref="MaxPlainLength"/>.</returns>
    public string? ToPlain()
    {
        var digits = IntegerDigits + FractionDigits;
        var point = (long)IntegerDigits.Length + Exponent;
        if (point > MaxPlainLength || point < -MaxPlainLength || digits.Length > MaxPlainLength * 2)
        {
            return null;
        }

        string integer, fraction;
        if (point <= 0)
        {
            (integer, fraction) = ("0", new string('0', (int)-point) + digits);
        }
        else if (point >= digits.Length)
        {
            (integer, fraction) = (digits + new string('0', (int)point - digits.Length), string.Empty);
        }
        else
        {
            (integer, fraction) = (digits[..(int)point], digits[(int)point..]);
        }

        integer = integer.TrimStart('0');
        var sign = Negative ? "-" : string.Empty;
        return $"{sign}{(integer.Length == 0 ? "0" : integer)}{(fraction.Length == 0 ? string.Empty : "." + fraction)}";
    }

    /// <summary>The value as integer text (no sign on zero), or null if it has a non-zero fraction or is out of range.</summary>
    public string? ToInteger()
    {
        var plain = ToPlain();
        if (plain is null)
        {
            return null;
        }

        var point = plain.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0 && plain.AsSpan(point + 1).ContainsAnyExcept('0'))
        {
            return null;
        }

        var integer = point >= 0 ? plain[..point] : plain;
        return integer is "-0" ? "0" : integer;
    }

    /// <summary>The value as valid JSON number text in the notation it was written in (exponent kept).</summary>
    public string ToJson()
    {
        var integer = IntegerDigits.TrimStart('0');
        var sign = Negative ? "-" : string.Empty;
        var fraction = FractionDigits.Length == 0 ? string.Empty : "." + FractionDigits;
        var exponent = HasExponent ? FormattableString.Invariant($"e{Exponent}") : string.Empty;
        return $"{sign}{(integer.Length == 0 ? "0" : integer)}{fraction}{exponent}";
    }

    private static string Digits(ReadOnlySpan<char> span, ref int i)
    {
        var start = i;
        while (i < span.Length && char.IsAsciiDigit(span[i]))
        {
            i++;
        }

        return span[start..i].ToString();
    }

    private static bool TryExponent(ReadOnlySpan<char> span, ref int i, out int exponent)
    {
        exponent = 0;
        i++;
        var negative = i < span.Length && span[i] == '-';
        if (i < span.Length && span[i] is '-' or '+')
        {
            i++;
        }

        var raw = Digits(span, ref i);
        var digits = raw.TrimStart('0');
        if (digits.Length > 6)
        {
            // Far outside what ToPlain expands or a double holds; also keeps int arithmetic safe.
            digits = "9999999";
        }

        exponent = digits.Length == 0 ? 0 : int.Parse(digits, CultureInfo.InvariantCulture);
        exponent = negative ? -exponent : exponent;
        return raw.Length > 0;
    }
}
