using Patchbay.Core.Model;

namespace Patchbay.Runtime.Tests.Support;

/// <summary>Gives a test connector a built-in authentication method (TestConnector only builds custom ones).</summary>
internal static class BuiltInAuthentication
{
    public static ConnectorPackage With(this ConnectorPackage package, AuthenticationMethod method, string baseUri = "", OAuth2Grant? grant = null, params ConnectorParameter[] parameters) =>
        package with
        {
            Definition = package.Definition with
            {
                BaseUri = baseUri,
                Authentication = new AuthenticationSettings { Method = method, Name = method.ToString().ToLowerInvariant(), Parameters = [.. parameters], Grant = grant },
            },
        };

    /// <summary>A definition alone, for tests that call the authentication service directly.</summary>
    public static ConnectorDefinition Definition(AuthenticationMethod method, string baseUri = "", OAuth2Grant? grant = null, params ConnectorParameter[] parameters) =>
        new TestConnector().Build().With(method, baseUri, grant, parameters).Definition;
}
