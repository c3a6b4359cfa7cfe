using Patchbay.Core.Diagnostics;

namespace Patchbay.Core.Validation;

/// <summary>
/// Names the place of each part of a connector definition in the file the author edits, so that one
/// validator reports <c>connector.json: actions[1].input.id</c> for a source folder and
/// <c>def/connector.json: actions[1].xsdinput: inputs/input/id</c> for a <c>.bizc</c>.
/// </summary>
public abstract class DefinitionLocations
{
    /// <summary>Locations in a source folder's <c>connector.json</c>.</summary>
    public static DefinitionLocations SourceFolder { get; } = new SourceFolderLocations();

    /// <summary>Locations in a <c>.bizc</c> package's <c>def/connector.json</c> and <c>etc/errors.js</c>.</summary>
    public static DefinitionLocations Bizc { get; } = new BizcLocations();

    /// <summary>A top-level property, named as in the source format (<c>name</c>, <c>folderName</c>, ...).</summary>
    public abstract Location Root(string member);

    /// <summary>A member of a Connector-tab parameter (<c>name</c>, <c>required</c>, ...; empty for the whole parameter).</summary>
    public abstract Location ConnectorParameter(int index, string member);

    public abstract Location Authentication(string member);

    /// <summary>A member of an Authentication-tab parameter (empty for the whole parameter).</summary>
    public abstract Location AuthenticationParameter(int index, string member);

    public abstract Location ErrorCode(string code);

    /// <summary>A property of an action, named as in the source format (<c>name</c>, <c>rest.url</c>, ...).</summary>
    public abstract Location Action(int index, string member);

    /// <summary>
    /// One of Patchbay's Easy REST options (<c>headers["Accept"]</c>, <c>pagination.kind</c>, ...; empty for all of
    /// them): inside <c>rest</c> in a source folder, inside the action's <c>patchbay</c> object in a <c>.bizc</c>.
    /// </summary>
    public abstract Location RestOption(int index, string member);

    /// <summary>A property of an action that Patchbay keeps verbatim without modelling it.</summary>
    public abstract Location ActionExtra(int index, string name);

    public abstract Location DataNode(int actionIndex, DataTreeKind tree, IEnumerable<string> path);

    private static string Member(string prefix, string member) =>
        member.Length == 0 ? prefix : member.StartsWith('[') ? prefix + member : $"{prefix}.{member}";

    private sealed class SourceFolderLocations : DefinitionLocations
    {
        private const string File = "connector.json";

        public override Location Root(string member) => new(File, member);

        public override Location ConnectorParameter(int index, string member) => new(File, Member($"parameters[{index}]", member));

        public override Location Authentication(string member) => new(File, $"authentication.{member}");

        public override Location AuthenticationParameter(int index, string member) =>
            new(File, Member($"authentication.parameters[{index}]", member));

        public override Location ErrorCode(string code) => new(File, $"errors[\"{code}\"]");

        public override Location Action(int index, string member) => new(File, $"actions[{index}].{member}");

        public override Location RestOption(int index, string member) => new(File, Member($"actions[{index}].rest", member));

        public override Location ActionExtra(int index, string name) => new(File, $"actions[{index}].bizc.{name}");

        public override Location DataNode(int actionIndex, DataTreeKind tree, IEnumerable<string> path) =>
            new(File, $"actions[{actionIndex}].{tree.ToString().ToLowerInvariant()}.{string.Join('.', path)}");
    }

    private sealed class BizcLocations : DefinitionLocations
    {
        private const string File = "def/connector.json";

        private static readonly Dictionary<string, string> RootNames = new(StringComparer.Ordinal)
        {
            ["globalGuid"] = "globalguid",
            ["folderName"] = "foldername",
            ["website"] = "homeurl",
            ["runtimeVersion"] = "runtimeversion",
            ["baseUri"] = "baseuri",
        };

        private static readonly Dictionary<string, string> ActionNames = new(StringComparer.Ordinal)
        {
            ["kind"] = "actiontype",
            ["rest.method"] = "httpoperation",
            ["rest.url"] = "resturl",
            ["rest.contentType"] = "contenttype",
            ["rest.useAuthentication"] = "useauthentication",
        };

        private static readonly Dictionary<string, string> AuthenticationNames = new(StringComparer.Ordinal)
        {
            ["method"] = "authenticationtype",
            ["grant"] = "granttype",
            ["parameters"] = "properties",
        };

        private static readonly Dictionary<string, string> ParameterNames = new(StringComparer.Ordinal)
        {
            ["password"] = "passwordmode",
            ["dataType"] = "datatype",
            ["allowedValues"] = "propertyvalues",
            ["default"] = "defaultvalue",
        };

        public override Location Root(string member) => new(File, RootNames.GetValueOrDefault(member, member));

        public override Location ConnectorParameter(int index, string member) =>
            new(File, Member($"systemdefinition.properties[{index}]", Parameter(member)));

        public override Location Authentication(string member) =>
            new(File, $"systemdefinition.authentications[0].{AuthenticationNames.GetValueOrDefault(member, member)}");

        public override Location AuthenticationParameter(int index, string member) =>
            new(File, Member($"systemdefinition.authentications[0].properties[{index}]", Parameter(member)));

        public override Location ErrorCode(string code) => new("etc/errors.js", $"\"{code}\"");

        public override Location Action(int index, string member)
        {
            if (member.StartsWith("code", StringComparison.Ordinal))
            {
                return new Location(File, $"actions[{index}].name");
            }

            return new Location(File, $"actions[{index}].{ActionNames.GetValueOrDefault(member, member)}");
        }

        public override Location RestOption(int index, string member) => new(File, Member($"actions[{index}].patchbay", member));

        public override Location ActionExtra(int index, string name) => new(File, $"actions[{index}].{name}");

        public override Location DataNode(int actionIndex, DataTreeKind tree, IEnumerable<string> path)
        {
            var (member, wrapper) = tree switch
            {
                DataTreeKind.Input => ("xsdinput", "inputs/input"),
                DataTreeKind.Output => ("xsdoutput", "outputs/output"),
                _ => ("xsdoutput", "outputs/error"),
            };
            return new Location(File, $"actions[{actionIndex}].{member}: {wrapper}/{string.Join('/', path)}");
        }

        private static string Parameter(string member) => ParameterNames.GetValueOrDefault(member, member);
    }
}
