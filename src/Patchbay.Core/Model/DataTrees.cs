namespace Patchbay.Core.Model;

/// <summary>Well-known data trees.</summary>
public static class DataTrees
{
    /// <summary>Bizagi Studio's default error element: <c>error</c>, <c>message</c>, <c>status</c> (bizagi-compat §5.3).</summary>
    public static ValueList<DataNode> DefaultError { get; } =
    [
        DataNode.Leaf("error", DataType.String),
        DataNode.Leaf("message", DataType.String),
        DataNode.Leaf("status", DataType.Integer),
    ];
}
