namespace Patchbay.OpenApi;

/// <summary>JSON pointers (RFC 6901) in URI-fragment form, as the report names places in the document.</summary>
internal static class JsonPointer
{
    public const string Root = "#";

    /// <summary>Appends one reference token, escaping '~' and '/' (<c>/pets/{id}</c> → <c>~1pets~1{id}</c>).</summary>
    public static string Append(string pointer, string token) =>
        pointer + "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, params string[] tokens) => tokens.Aggregate(pointer, Append);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
