using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Semver;

namespace Patchbay.OpenApi;

/// <summary>The connector's name, version, description and website from the document's <c>info</c>.</summary>
internal static partial class InfoMapper
{
    public static string Name(string? requested, OpenApiInfo? info, ImportReport report)
    {
        var source = requested ?? info?.Title ?? "";
        var cleaned = InvalidNameCharacters().Replace(source, " ");
        cleaned = Spaces().Replace(cleaned, " ").Trim(' ', '.', '_', '-');
        if (cleaned.Length > 0 && !char.IsAsciiLetter(cleaned[0]))
        {
            cleaned = "API " + cleaned;
        }

        if (cleaned.Length == 0)
        {
            cleaned = "Imported API";
        }

        if (cleaned != source)
        {
            report.Approximate(requested is null ? "#/info/title" : JsonPointer.Root, $"'{source}' is not a valid connector name (a letter, then letters, digits, spaces, '.', '_' or '-'); the connector is named '{cleaned}'.");
        }

        return cleaned;
    }

    /// <summary>A SemVer major.minor.patch: "1.0" → "1.0.0", "2022-11-28" → "2022.11.28", "v2" → "2.0.0".</summary>
    public static string Version(OpenApiInfo? info, ImportReport report)
    {
        var source = info?.Version ?? "";
        if (SemVersion.TryParse(source, SemVersionStyles.Strict, out _))
        {
            return source;
        }

        var numbers = Numbers().Matches(source).Select(m => long.TryParse(m.Value, out var n) ? n : 0).Take(3).ToList();
        while (numbers.Count < 3)
        {
            numbers.Add(numbers.Count == 0 && source.Length == 0 ? 1 : 0);
        }

        var version = string.Join('.', numbers);
        report.Approximate("#/info/version", $"'{source}' is not a semantic version (major.minor.patch); the connector's version is {version}.");
        return version;
    }

    public static string Website(OpenApiDocument document) =>
        (document.Info?.Contact?.Url ?? document.ExternalDocs?.Url) is { IsAbsoluteUri: true } url && url.Scheme is "http" or "https"
            ? url.ToString()
            : "";

    [GeneratedRegex(@"[^A-Za-z0-9 _.\-]")]
    private static partial Regex InvalidNameCharacters();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
