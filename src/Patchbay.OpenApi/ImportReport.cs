using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patchbay.OpenApi;

/// <summary>How far an item of the document made it into the connector.</summary>
public enum ImportItemKind
{
    /// <summary>Left out: the connector has no equivalent.</summary>
    Unmapped,

    /// <summary>Mapped, but not exactly as the document says (a renamed input, a first alternative of a oneOf, ...).</summary>
    Approximate,

    /// <summary>The OpenAPI library found the document invalid here; the import went on where it could.</summary>
    ReadError,

    /// <summary>The OpenAPI library warned about this place.</summary>
    ReadWarning,
}

/// <summary>One line of the import report: where in the document, and what happened to it.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Location">A JSON pointer into the document as written, e.g. <c>#/paths/~1pets/post/requestBody</c>.</param>
/// <param name="Message">Why, and what the connector does instead.</param>
public sealed record ImportReportItem(ImportItemKind Kind, string Location, string Message)
{
    public override string ToString() => $"{Location}: {KindText(Kind)}: {Message}";

    /// <summary>How the report names a kind, in the CLI's lines, its JSON and the editor's table.</summary>
    public static string KindText(ImportItemKind kind) => kind switch
    {
        ImportItemKind.Unmapped => "not mapped",
        ImportItemKind.Approximate => "approximate",
        ImportItemKind.ReadError => "read error",
        _ => "read warning",
    };
}

/// <summary>Everything of the document that was not mapped exactly, in document order.</summary>
public sealed class ImportReport
{
    private readonly List<ImportReportItem> _items = [];

    public IReadOnlyList<ImportReportItem> Items => _items;

    internal void Unmapped(string pointer, string message) => Add(new ImportReportItem(ImportItemKind.Unmapped, pointer, message));

    internal void Approximate(string pointer, string message) => Add(new ImportReportItem(ImportItemKind.Approximate, pointer, message));

    /// <summary>Adds an item once: a component used by many operations is reported at its own place, one time.</summary>
    internal void Add(ImportReportItem item)
    {
        if (!_items.Contains(item))
        {
            _items.Add(item);
        }
    }

    /// <summary>The report as JSON: <c>{"items": [{"kind", "pointer", "message"}]}</c>, for <c>--report</c>.</summary>
    public string ToJson()
    {
        var items = new JsonArray([.. _items.Select(i => (JsonNode)new JsonObject
        {
            ["kind"] = ImportReportItem.KindText(i.Kind),
            ["pointer"] = i.Location,
            ["message"] = i.Message,
        })]);
        return new JsonObject { ["items"] = items }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 2 }) + "\n";
    }
}
