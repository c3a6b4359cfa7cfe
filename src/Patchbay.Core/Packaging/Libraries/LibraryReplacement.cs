namespace Patchbay.Core.Packaging.Libraries;

/// <summary>A top-level package that adding a library replaced (<c>lib add</c>, the Connector Editor), with both versions.</summary>
public sealed record LibraryReplacement(string Name, string? OldVersion, string? NewVersion)
{
    public override string ToString() => $"{Name}@{OldVersion ?? "?"} → {NewVersion ?? "?"}";
}
