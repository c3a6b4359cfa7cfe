namespace Patchbay.Cli.Libraries;

/// <summary>A package of the connector's <c>libraries/</c> that <c>lib add</c> replaced.</summary>
internal sealed record LibraryReplacement(string Name, string? OldVersion, string? NewVersion)
{
    public override string ToString() => $"{Name}@{OldVersion ?? "?"} → {NewVersion ?? "?"}";
}
