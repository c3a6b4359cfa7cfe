using Patchbay.Core.Model;

namespace Patchbay.Hub.Connectors;

/// <summary>The current version of one major version of an installed connector, read and ready to run.</summary>
public sealed record InstalledConnector(Guid ConnectorId, string Name, int Major, Guid VersionId, string Version, ConnectorPackage Package);
