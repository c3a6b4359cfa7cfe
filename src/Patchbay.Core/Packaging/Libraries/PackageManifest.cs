using System.Text;
using System.Text.Json;

namespace Patchbay.Core.Packaging.Libraries;

/// <summary>The parts of a package.json that matter for a library: its version, its licence and what it needs at run time.</summary>
internal sealed record PackageManifest(
    string? Version,
    IReadOnlyDictionary<string, string> Dependencies,
    IReadOnlyDictionary<string, string> OptionalDependencies,
    string? License = null)
{
    /// <summary>Parses a package.json, or returns null and why it could not be read.</summary>
    public static PackageManifest? TryParse(byte[] content, out string? error)
    {
        try
        {
            // Decoded strictly first: JsonDocument checks UTF-8 inside strings only when they are read, and throws then.
            using var document = JsonDocument.Parse(StrictUtf8.GetString(content), new JsonDocumentOptions { AllowTrailingCommas = false });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"package.json must hold a JSON object, not {document.RootElement.ValueKind}.";
                return null;
            }

            var root = document.RootElement;
            var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            error = null;
            return new PackageManifest(version, ReadMap(root, "dependencies"), ReadMap(root, "optionalDependencies"), ReadLicense(root));
        }
        catch (JsonException e)
        {
            error = $"package.json is not valid JSON: {e.Message}";
            return null;
        }
        catch (DecoderFallbackException)
        {
            error = "package.json is not valid UTF-8 text.";
            return null;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The SPDX expression of <c>license</c> (<c>MIT</c>, <c>(MIT OR Apache-2.0)</c>), or the <c>type</c> of the older
    /// object forms (<c>"license": {"type": "MIT"}</c>, <c>"licenses": [{"type": "MIT"}, ...]</c>, joined with OR).
    /// </summary>
    private static string? ReadLicense(JsonElement root)
    {
        if (root.TryGetProperty("license", out var license))
        {
            return TypeOf(license);
        }

        if (root.TryGetProperty("licenses", out var licenses) && licenses.ValueKind == JsonValueKind.Array)
        {
            var types = licenses.EnumerateArray().Select(TypeOf).OfType<string>().ToList();
            return types.Count == 0 ? null : string.Join(" OR ", types);
        }

        return null;

        static string? TypeOf(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => NullIfBlank(element.GetString()),
            JsonValueKind.Object when element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String => NullIfBlank(type.GetString()),
            _ => null,
        };

        static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static Dictionary<string, string> ReadMap(JsonElement root, string property)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty(property, out var element) && element.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in element.EnumerateObject())
            {
                map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() ?? "" : entry.Value.GetRawText();
            }
        }

        return map;
    }
}
