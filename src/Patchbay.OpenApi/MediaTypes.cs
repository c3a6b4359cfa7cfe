namespace Patchbay.OpenApi;

/// <summary>Media types the REST engine can send and read.</summary>
internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string Form = "application/x-www-form-urlencoded";
    public const string Text = "text/plain";

    public static bool IsJson(string mediaType)
    {
        var type = Essence(mediaType);
        return type is Json or "*/*" or "application/*" || type.EndsWith("+json", StringComparison.Ordinal);
    }

    public static bool IsXml(string mediaType)
    {
        var type = Essence(mediaType);
        return type is "application/xml" or "text/xml" || type.EndsWith("+xml", StringComparison.Ordinal);
    }

    /// <summary>"application/json; charset=utf-8" → "application/json".</summary>
    public static string Essence(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();
}
