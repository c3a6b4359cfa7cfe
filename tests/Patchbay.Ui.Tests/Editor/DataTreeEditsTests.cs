using Patchbay.Core.Model;
using Patchbay.Hub.Ui.Editor;

namespace Patchbay.Ui.Tests.Editor;

/// <summary>Moving a node of a data tree to another place (the editor's drag and drop).</summary>
public sealed class DataTreeEditsTests
{
    private static readonly ValueList<DataNode> Tree =
    [
        DataNode.Object("customer", [DataNode.Leaf("id", DataType.Integer), DataNode.Object("address", [DataNode.Leaf("city", DataType.String)])]),
        DataNode.Leaf("id", DataType.String),
        DataNode.Leaf("note", DataType.String),
        DataNode.Object("order", []),
    ];

    [Fact]
    public void MoveTo_InsideAnObject_BecomesItsLastChild()
    {
        var moved = DataTreeEdits.MoveTo(Tree, [2], [0], DropPlace.Inside);

        Names(moved).ShouldBe("customer(id address(city) note) id order()");
    }

    [Fact]
    public void MoveTo_InsideAnEmptyObjectFromDeeper_LeavesItsOldParent()
    {
        var moved = DataTreeEdits.MoveTo(Tree, [0, 1], [3], DropPlace.Inside);

        Names(moved).ShouldBe("customer(id) id note order(address(city))");
    }

    [Theory]
    [InlineData(DropPlace.Before, "id note customer(id address(city)) order()")]
    [InlineData(DropPlace.After, "id note order() customer(id address(city))")]
    public void MoveTo_BeforeOrAfterASiblingFurtherDown_Reorders(DropPlace place, string expected)
    {
        var moved = DataTreeEdits.MoveTo(Tree, [0], [3], place);

        Names(moved).ShouldBe(expected);
    }

    [Fact]
    public void MoveTo_BeforeASiblingFurtherUp_Reorders()
    {
        var moved = DataTreeEdits.MoveTo(Tree, [2], [0], DropPlace.Before);

        Names(moved).ShouldBe("note customer(id address(city)) id order()");
    }

    [Fact]
    public void MoveTo_NameTakenInTheNewParent_GetsAFreeName()
    {
        var intoCustomer = DataTreeEdits.MoveTo(Tree, [1], [0], DropPlace.Inside);
        var outOfCustomer = DataTreeEdits.MoveTo(Tree, [0, 0], [2], DropPlace.After);

        Names(intoCustomer).ShouldBe("customer(id address(city) id2) note order()");
        intoCustomer[0].Children[2].Type.ShouldBe(DataType.String, "the node keeps everything but its name");
        Names(outOfCustomer).ShouldBe("customer(address(city)) id note id2 order()");
    }

    [Theory]
    [InlineData(new[] { 0 }, new[] { 0 }, DropPlace.Inside)]
    [InlineData(new[] { 0 }, new[] { 0, 1 }, DropPlace.Inside)]
    [InlineData(new[] { 0 }, new[] { 0, 1, 0 }, DropPlace.Before)]
    [InlineData(new[] { 0 }, new[] { 0 }, DropPlace.After)]
    [InlineData(new[] { 2 }, new[] { 1 }, DropPlace.Inside)]
    [InlineData(new[] { 9 }, new[] { 1 }, DropPlace.Before)]
    [InlineData(new[] { 1 }, new[] { 0, 9 }, DropPlace.Before)]
    public void MoveTo_IntoItselfItsDescendantsANonObjectOrNowhere_ChangesNothing(int[] source, int[] target, DropPlace place)
    {
        DataTreeEdits.CanMoveTo(Tree, source, target, place).ShouldBeFalse();
        DataTreeEdits.MoveTo(Tree, source, target, place).ShouldBe(Tree);
    }

    /// <summary>The tree as <c>name(children)</c> words: the shape a move changes.</summary>
    private static string Names(ValueList<DataNode> tree) =>
        string.Join(' ', tree.Select(n => n.Type == DataType.Object ? $"{n.Name}({Names(n.Children)})" : n.Name));
}
