namespace Patchbay.Core.Model;

/// <summary>
/// One field of an action's input, output or error tree.
/// </summary>
/// <remarks>
/// Only <see cref="DataType.Object"/> nodes have <see cref="Children"/>. Any node can be a list
/// (<c>maxOccurs="unbounded"</c> in the XSD) and any node can be required (<c>minOccurs="1"</c>).
/// </remarks>
public sealed record DataNode
{
    public required string Name { get; init; }

    public required DataType Type { get; init; }

    /// <value>False by default.</value>
    public bool IsList { get; init; }

    /// <value>False by default: Bizagi's XSDs mark nothing required unless the author did.</value>
    public bool IsRequired { get; init; }

    public ValueList<DataNode> Children { get; init; } = [];

    public static DataNode Leaf(string name, DataType type, bool isList = false, bool isRequired = false) =>
        new() { Name = name, Type = type, IsList = isList, IsRequired = isRequired };

    public static DataNode Object(string name, ValueList<DataNode> children, bool isList = false, bool isRequired = false) =>
        new() { Name = name, Type = DataType.Object, Children = children, IsList = isList, IsRequired = isRequired };
}
