using Patchbay.Core.Authoring;
using Patchbay.Core.Model;

namespace Patchbay.Hub.Ui.Editor;

/// <summary>
/// Edits of a connector's actions that touch more than the definition: an action's code lives in
/// <c>actions/&lt;name&gt;.js</c>, so adding, renaming and deleting an action keeps its file in step.
/// </summary>
public static class ConnectorEdits
{
    /// <summary>Adds an action with a free name; a custom action gets its code file from the template.</summary>
    public static ConnectorPackage AddAction(ConnectorPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var definition = package.Definition;
        var taken = definition.Actions.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var name = "new-action";
        for (var n = 2; taken.Contains(name); n++)
        {
            name = $"new-action-{n}";
        }

        var custom = definition.Type != ConnectorType.EasyRest;
        var action = new ActionDefinition
        {
            Guid = Guid.NewGuid().ToString(),
            Name = name,
            DisplayName = Naming.ToDisplayName(name),
            Kind = custom ? ActionKind.Custom : ActionKind.Rest,
            Rest = custom ? null : new RestRequest { Method = "GET", Url = "/", UseAuthentication = true },
        };
        var files = custom ? package.Files.WithText(ConnectorPackage.ActionPath(name), ConnectorTemplates.ActionCode) : package.Files;
        return package with { Definition = definition with { Actions = [.. definition.Actions, action] }, Files = files };
    }

    /// <summary>Renames an action (its kebab-case name) and moves its code file with it.</summary>
    public static ConnectorPackage RenameAction(ConnectorPackage package, int index, string name)
    {
        ArgumentNullException.ThrowIfNull(package);
        var old = package.Definition.Actions[index];
        var files = package.Files;
        if (files.Get(ConnectorPackage.ActionPath(old.Name)) is { } code && old.Name != name)
        {
            files = files.Without(p => p == ConnectorPackage.ActionPath(old.Name)).With(ConnectorPackage.ActionPath(name), code);
        }

        return UpdateAction(package, index, a => a with { Name = name }) with { Files = files };
    }

    public static ConnectorPackage DeleteAction(ConnectorPackage package, int index)
    {
        ArgumentNullException.ThrowIfNull(package);
        var name = package.Definition.Actions[index].Name;
        var actions = package.Definition.Actions.Where((_, i) => i != index).ToValueList();
        return package with
        {
            Definition = package.Definition with { Actions = actions },
            Files = package.Files.Without(p => p == ConnectorPackage.ActionPath(name)),
        };
    }

    /// <summary>Moves an action one place up (-1) or down (+1); nothing happens at either end.</summary>
    public static ConnectorPackage MoveAction(ConnectorPackage package, int index, int offset)
    {
        ArgumentNullException.ThrowIfNull(package);
        var actions = package.Definition.Actions.ToList();
        var target = index + offset;
        if (target < 0 || target >= actions.Count)
        {
            return package;
        }

        (actions[index], actions[target]) = (actions[target], actions[index]);
        return package with { Definition = package.Definition with { Actions = actions.ToValueList() } };
    }

    public static ConnectorPackage UpdateAction(ConnectorPackage package, int index, Func<ActionDefinition, ActionDefinition> change)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(change);
        var actions = package.Definition.Actions.Select((a, i) => i == index ? change(a) : a).ToValueList();
        return package with { Definition = package.Definition with { Actions = actions } };
    }
}
