using Patchbay.Core.Model;

namespace Patchbay.Hub.Drafts;

/// <summary>An opened draft: the connector as last saved.</summary>
public sealed record Draft(Guid Id, ConnectorPackage Package, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>A line of the editor's drafts list.</summary>
public sealed record DraftListItem(Guid Id, string Name, string Version, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>The draft does not exist (any more): another tab or person deleted it.</summary>
public sealed class DraftNotFoundException(Guid id) : Exception($"There is no draft {id}; it may have been deleted.");
