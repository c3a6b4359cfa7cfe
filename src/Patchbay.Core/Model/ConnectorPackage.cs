namespace Patchbay.Core.Model;

/// <summary>
/// A whole connector: its definition and its files. The same value comes out of a <c>.bizc</c> and out
/// of a source folder, so either can be turned into the other.
/// </summary>
public sealed record ConnectorPackage
{
    public required ConnectorDefinition Definition { get; init; }

    /// <summary>
    /// Every file not derived from <see cref="Definition"/>: <c>actions/&lt;name&gt;.js</c>, <c>auth/auth.js</c>,
    /// <c>node_modules/&lt;package&gt;/…</c> (flattened, without bz-util) and pass-through files such as
    /// <c>bizagiRouter.js</c>, <c>etc/config.js</c>, <c>package.json</c> and <c>Readme.md</c>.
    /// </summary>
    public FileSet Files { get; init; } = FileSet.Empty;

    public static string ActionPath(string actionName) => $"{ConnectorPaths.ActionsFolder}{actionName}.js";
}
