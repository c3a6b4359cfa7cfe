namespace Patchbay.Core.Model;

/// <summary>
/// A property of <c>def/connector.json</c> that Patchbay does not model, kept as raw JSON so that
/// a package written by a newer Connector Editor survives a round trip unchanged.
/// </summary>
public sealed record ExtraProperty(string Name, string Json);
