using Patchbay.Core.Authoring;
using Patchbay.Core.Model;

namespace Patchbay.Core.Tests.Support;

/// <summary>Builders for valid model values, so each test states only what it changes.</summary>
internal static class Some
{
    public static ConnectorPackage CustomConnector() =>
        ConnectorTemplates.Custom("Test Connector", new Guid("0b7c8f3e-8a59-4c5b-9d3a-2f0a1c4e6b7d"), new Guid("6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"));

    public static ConnectorPackage RestConnector() =>
        ConnectorTemplates.EasyRest("Rest Test", new Guid("1b7c8f3e-8a59-4c5b-9d3a-2f0a1c4e6b7d"), new Guid("7f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"));

    public static ActionDefinition CustomAction(string name) => new()
    {
        Guid = Guid.NewGuid().ToString(),
        Name = name,
        DisplayName = Naming.ToDisplayName(name),
        Kind = ActionKind.Custom,
    };

    public static ConnectorPackage WithAction(this ConnectorPackage package, ActionDefinition action, string? code = ValidCode) =>
        package with
        {
            Definition = package.Definition with { Actions = [.. package.Definition.Actions, action] },
            Files = code is null ? package.Files : package.Files.WithText(ConnectorPackage.ActionPath(action.Name), code),
        };

    public static ConnectorPackage Edit(this ConnectorPackage package, Func<ConnectorDefinition, ConnectorDefinition> edit) =>
        package with { Definition = edit(package.Definition) };

    public const string ValidCode = "exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) { callback({}); };\n";

    /// <summary>A 1x1 transparent PNG.</summary>
    public const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
}
