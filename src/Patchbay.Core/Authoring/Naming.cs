using System.Text;

namespace Patchbay.Core.Authoring;

/// <summary>Derives the names Bizagi's Connector Editor derives: kebab-case folder and action names, display names.</summary>
public static class Naming
{
    /// <summary>"My Connector" → "my-connector", "MyConnector" → "my-connector", "GitHub" → "git-hub".</summary>
    public static string ToKebabCase(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                AppendDash(builder);
                continue;
            }

            var startsWord = char.IsUpper(c) && i > 0 && (char.IsLower(text[i - 1]) || (i + 1 < text.Length && char.IsLower(text[i + 1]) && char.IsUpper(text[i - 1])));
            if (startsWord)
            {
                AppendDash(builder);
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Trim('-');
    }

    /// <summary>"create-issue" → "Create Issue".</summary>
    public static string ToDisplayName(string kebab) =>
        string.Join(' ', kebab.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static void AppendDash(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != '-')
        {
            builder.Append('-');
        }
    }
}
