namespace Patchbay.Core.Model;

/// <summary>The fixed paths of Bizagi's connector layout (bizagi-compat §2.3).</summary>
public static class ConnectorPaths
{
    public const string Definition = "def/connector.json";
    public const string ActionsIndex = "actions.js";
    public const string ActionsFolder = "actions/";
    public const string Authenticator = "auth/auth.js";
    public const string Router = "bizagiRouter.js";
    public const string Config = "etc/config.js";
    public const string Errors = "etc/errors.js";
    public const string PackageJson = "package.json";
    public const string Readme = "Readme.md";
    public const string NodeModules = "node_modules/";

    /// <summary>Bizagi's helper library; Patchbay provides its own at run time, so bundled copies are dropped.</summary>
    public const string BzUtil = "bz-util";
}
