namespace Patchbay.Core.Model;

/// <summary>
/// A global parameter whose value is set per environment: a Connector parameter
/// (<c>globals.systemproperties</c>) or an Authentication parameter (<c>globals.authdata</c>).
/// </summary>
public sealed record ConnectorParameter
{
    public required string Name { get; init; }

    public bool Required { get; init; }

    /// <summary>Password mode: the value is a secret, masked in every UI and encrypted at rest.</summary>
    public bool PasswordMode { get; init; }

    /// <summary>Bizagi's <c>datatype</c>; empty in every observed file.</summary>
    public string DataType { get; init; } = "";

    /// <summary>Bizagi's <c>propertyvalues</c>: the allowed values, when the list is closed.</summary>
    public ValueList<string> AllowedValues { get; init; } = [];

    /// <summary>The value used when an environment gives none (e.g. a token URL or an API key's header name); empty for none.</summary>
    public string DefaultValue { get; init; } = "";
}
