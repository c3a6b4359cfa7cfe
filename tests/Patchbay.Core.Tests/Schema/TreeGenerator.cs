using FsCheck;
using FsCheck.Fluent;
using Patchbay.Core.Model;

namespace Patchbay.Core.Tests.Schema;

/// <summary>Random data trees for round-trip properties: unique names per level, a few levels deep.</summary>
internal static class TreeGenerator
{
    private static readonly string[] Names =
        ["id", "name", "title", "body", "customer", "first_name", "orders", "amount", "x", "status", "é-ñ", "a.b", "list1"];

    private static readonly DataType[] Leaves =
        [DataType.String, DataType.Boolean, DataType.Byte, DataType.Date, DataType.Decimal, DataType.Double, DataType.Integer];

    public static Arbitrary<ValueList<DataNode>> Trees { get; } = Tree(3).ToArbitrary();

    private static Gen<ValueList<DataNode>> Tree(int depth) =>
        from names in Gen.SubListOf(Names)
        from shuffled in Gen.Shuffle(names.ToArray())
        from nodes in Gen.CollectToArray(shuffled, name => Node(name, depth))
        select nodes.ToValueList();

    private static Gen<DataNode> Node(string name, int depth)
    {
        var leaf =
            from type in Gen.Elements(Leaves)
            from isList in Gen.Elements(true, false)
            from isRequired in Gen.Elements(true, false)
            select DataNode.Leaf(name, type, isList, isRequired);
        if (depth == 0)
        {
            return leaf;
        }

        var obj =
            from children in Tree(depth - 1)
            from isList in Gen.Elements(true, false)
            from isRequired in Gen.Elements(true, false)
            select DataNode.Object(name, children, isList, isRequired);
        return Gen.Frequency((3, leaf), (1, obj));
    }
}
