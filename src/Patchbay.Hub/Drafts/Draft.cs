using Patchbay.Core.Model;

namespace Patchbay.Hub.Drafts;

/// <summary>An opened draft: the connector as last saved, and which save that was.</summary>
public sealed record Draft(Guid Id, ConnectorPackage Package, DraftRevision Revision);

/// <summary>
/// One save of a draft. The editor keeps the revision it opened or last saved and names it when it saves again, so
/// a save made meanwhile elsewhere is found instead of overwritten.
/// </summary>
/// <param name="Number">Counts the draft's saves; the next save must name it.</param>
/// <param name="SavedAt">When it was saved (to the microsecond, as both engines store it).</param>
/// <param name="SavedBy">The API key or user name that saved it.</param>
public sealed record DraftRevision(long Number, DateTimeOffset SavedAt, string SavedBy);

/// <summary>A line of the editor's drafts list.</summary>
public sealed record DraftListItem(Guid Id, string Name, string Version, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>The draft does not exist (any more): another tab or person deleted it.</summary>
public sealed class DraftNotFoundException(Guid id) : Exception($"There is no draft {id}; it may have been deleted.");

/// <summary>
/// Another tab or person saved the draft after the revision a save started from; that save stored nothing.
/// </summary>
public sealed class DraftConflictException(Guid id, DraftRevision stored)
    : Exception($"{stored.SavedBy} saved draft {id} at {stored.SavedAt:u} since it was opened here; these changes were not saved.")
{
    public Guid DraftId { get; } = id;

    /// <summary>The save that came first: who, when, and the revision to name to overwrite it deliberately.</summary>
    public DraftRevision Stored { get; } = stored;
}
