using Patchbay.Core.Model;

namespace Patchbay.Hub.Ui.Editor;

/// <summary>
/// The <c>{{name}}</c> placeholders an Easy REST action's URL, headers and query parameters may use, shown as help
/// beside the fields: the action's single-value inputs (dotted paths into objects, never into lists), then the
/// Connector parameters, as the runtime fills them (docs/easy-rest.md).
/// </summary>
public static class RestPlaceholders
{
    public static IReadOnlyList<string> Inputs(ValueList<DataNode> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Leaves(inputs, "").ToList();
    }

    public static IReadOnlyList<string> Parameters(ConnectorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Parameters.Select(p => p.Name).Where(n => n.Length > 0).ToList();
    }

    private static IEnumerable<string> Leaves(ValueList<DataNode> level, string prefix) =>
        level.Where(n => !n.IsList && n.Name.Length > 0).SelectMany(n => n.Type == DataType.Object
            ? Leaves(n.Children, $"{prefix}{n.Name}.")
            : [prefix + n.Name]);
}
