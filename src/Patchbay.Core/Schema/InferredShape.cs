using Patchbay.Core.Model;

namespace Patchbay.Core.Schema;

/// <summary>The shape of one sample value while samples are merged; mutable, local to one inference.</summary>
internal sealed class InferredShape
{
    /// <value>Null while only JSON nulls have been seen; becomes String at the end.</value>
    public DataType? Type { get; set; }

    public bool IsList { get; set; }

    /// <value>The fields of an Object, in first-seen order.</value>
    public List<KeyValuePair<string, InferredShape>> Fields { get; } = [];

    public static InferredShape Of(DataType? type) => new() { Type = type };

    public InferredShape? Field(string name) => Fields.Find(f => f.Key == name).Value;

    public ValueList<DataNode> ToTree() => Fields.Select(f => f.Value.ToNode(f.Key)).ToValueList();

    public DataNode ToNode(string name) => Type == DataType.Object
        ? DataNode.Object(name, ToTree(), IsList)
        : DataNode.Leaf(name, Type ?? DataType.String, IsList);
}
