namespace Patchbay.Core.Model;

/// <summary>The connector's authentication method and its parameters (the Authentication tab).</summary>
public sealed record AuthenticationSettings
{
    public static AuthenticationSettings CustomCode { get; } = new() { Method = AuthenticationMethod.Custom, Name = "custom" };

    public required AuthenticationMethod Method { get; init; }

    /// <summary>Bizagi's <c>authentications[0].name</c>; equal to the method's wire name in every observed file.</summary>
    public required string Name { get; init; }

    /// <summary>Parameters that reach the code as <c>globals.authdata.&lt;name&gt;</c>.</summary>
    public ValueList<ConnectorParameter> Parameters { get; init; } = [];

    /// <summary>The grant, for <see cref="AuthenticationMethod.OAuth2"/> only.</summary>
    public OAuth2Grant? Grant { get; init; }
}
