namespace Patchbay.Core.Model;

/// <summary>
/// How an Easy REST action fetches every page of a listing. The output is the list of all items
/// collected, in order, up to <see cref="MaxPages"/> pages and <see cref="MaxItems"/> items.
/// </summary>
public sealed record RestPagination
{
    public required PaginationKind Kind { get; init; }

    /// <summary>Where a page's items are in its body (dotted path); empty when the body is the list.</summary>
    public string ItemsPath { get; init; } = "";

    /// <summary>
    /// <see cref="PaginationKind.NextLink"/>: the path of the next page's URL in the body; empty to follow the
    /// <c>Link: &lt;…&gt;; rel="next"</c> header. <see cref="PaginationKind.Cursor"/>: the path of the next cursor.
    /// Pagination stops when the value is missing, null or empty.
    /// </summary>
    public string NextPath { get; init; } = "";

    /// <summary>The query parameter that carries the cursor, offset or page number.</summary>
    public string Parameter { get; init; } = "";

    /// <summary>The query parameter that carries the page size; empty to send none.</summary>
    public string SizeParameter { get; init; } = "";

    /// <summary>The page size sent in <see cref="SizeParameter"/>; offset pagination advances by the items received.</summary>
    /// <value>100.</value>
    public int PageSize { get; init; } = 100;

    /// <summary>The first page number or offset.</summary>
    /// <value>0 (use 1 for page numbers that start at 1).</value>
    public int Start { get; init; }

    /// <value>10.</value>
    public int MaxPages { get; init; } = 10;

    /// <value>1000.</value>
    public int MaxItems { get; init; } = 1000;
}

public enum PaginationKind
{
    /// <summary>Each page names the next one's URL (in the body or a Link header).</summary>
    NextLink,

    /// <summary>Each page gives an opaque cursor sent back as a query parameter.</summary>
    Cursor,

    /// <summary>A query parameter counts items skipped; stops at an empty or short page.</summary>
    Offset,

    /// <summary>A query parameter counts pages; stops at an empty or short page.</summary>
    PageNumber,
}
