namespace Patchbay.Hub.Connectors;

/// <summary>What an upload did to the connector's versions (Bizagi's rules).</summary>
public enum InstallOutcome
{
    /// <summary>A new connector, or a new major version beside the others.</summary>
    AddedMajor,

    /// <summary>A new minor or patch of an installed major: the previous one went to history.</summary>
    ReplacedVersion,

    /// <summary>The very package that is already current: nothing changed.</summary>
    Unchanged,
}

/// <summary>The answer to an install: what happened, the version now current, and the one it replaced.</summary>
public sealed record InstallResult(InstallOutcome Outcome, Guid ConnectorId, Guid VersionId, string Name, int Major, string Version, string? ReplacedVersion);
