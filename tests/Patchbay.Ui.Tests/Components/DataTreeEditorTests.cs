using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Patchbay.Core.Model;
using Patchbay.Hub.Ui.Editor;

namespace Patchbay.Ui.Tests.Components;

/// <summary>The Connector Editor's data tree editor: every edit gives the owner a new tree.</summary>
public sealed class DataTreeEditorTests : BunitContext
{
    private ValueList<DataNode> _tree =
    [
        DataNode.Object("customer", [DataNode.Leaf("id", DataType.Integer), DataNode.Leaf("name", DataType.String)]),
        DataNode.Leaf("note", DataType.String),
    ];

    public DataTreeEditorTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Add_child_gives_an_object_a_new_string_field()
    {
        var editor = RenderEditor();

        Button(editor, "Add child to Inputs note").Click();

        _tree[1].Type.ShouldBe(DataType.Object);
        _tree[1].Children.ShouldBe([DataNode.Leaf("field", DataType.String)]);
    }

    [Fact]
    public void Add_sibling_inserts_after_the_node_with_a_free_name()
    {
        var editor = RenderEditor();

        Button(editor, "Add sibling after Inputs customer.id").Click();

        _tree[0].Children.Select(c => c.Name).ShouldBe(["id", "field", "name"]);
    }

    [Fact]
    public void Renaming_changes_the_name_only()
    {
        var editor = RenderEditor();

        editor.Find("input[aria-label='Name of Inputs customer.name']").Change("fullName");

        _tree[0].Children[1].ShouldBe(DataNode.Leaf("fullName", DataType.String));
    }

    [Fact]
    public void Changing_the_type_away_from_object_drops_its_children()
    {
        var editor = RenderEditor();

        editor.Find("select[aria-label='Type of Inputs customer.id']").Change("Decimal");
        _tree[0].Children[0].Type.ShouldBe(DataType.Decimal);

        editor.Find("select[aria-label='Type of Inputs customer']").Change("String");
        _tree[0].ShouldBe(DataNode.Leaf("customer", DataType.String));
    }

    [Fact]
    public void List_and_required_flags_are_set_per_node()
    {
        var editor = RenderEditor();

        editor.Find("[aria-label='List Inputs note'] input, input[aria-label='List Inputs note']").Change(true);
        editor.Find("[aria-label='Required Inputs customer.id'] input, input[aria-label='Required Inputs customer.id']").Change(true);

        _tree[1].IsList.ShouldBeTrue();
        _tree[0].Children[0].IsRequired.ShouldBeTrue();
    }

    [Fact]
    public void Delete_removes_the_node_and_its_children()
    {
        var editor = RenderEditor();

        Button(editor, "Delete Inputs customer").Click();

        _tree.ShouldBe([DataNode.Leaf("note", DataType.String)]);
    }

    [Fact]
    public void Move_down_and_up_swap_siblings_and_stop_at_the_ends()
    {
        var editor = RenderEditor();

        Button(editor, "Move down Inputs customer.id").Click();
        _tree[0].Children.Select(c => c.Name).ShouldBe(["name", "id"]);

        Button(editor, "Move up Inputs customer.id").Click();
        _tree[0].Children.Select(c => c.Name).ShouldBe(["id", "name"]);
        Button(editor, "Move up Inputs customer").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void Autogenerate_shows_a_preview_and_replaces_only_when_asked()
    {
        var editor = RenderEditor();
        Button(editor, "Autogenerate from sample JSON: Inputs").Click();

        editor.Find("textarea[aria-label='Sample JSON for Inputs']").Input("""{ "order": { "id": 7, "total": 12.5, "lines": [ { "sku": "a" } ] }, "paid": true }""");
        ButtonNamed(editor, "Preview").Click();

        var preview = editor.Find("ul[aria-label='Inferred Inputs']").TextContent;
        preview.ShouldContain("order: Object");
        preview.ShouldContain("total: Decimal");
        preview.ShouldContain("lines: Object (list)");
        _tree[0].Name.ShouldBe("customer", "nothing changes before Replace");

        ButtonNamed(editor, "Replace").Click();

        _tree.Select(n => n.Name).ShouldBe(["order", "paid"]);
        _tree[0].Children.Select(c => (c.Name, c.Type)).ShouldBe([("id", DataType.Integer), ("total", DataType.Decimal), ("lines", DataType.Object)]);
        editor.FindAll("ul[aria-label='Inferred Inputs']").ShouldBeEmpty();
    }

    [Fact]
    public void Cancel_leaves_the_tree_as_it_was()
    {
        var editor = RenderEditor();
        var before = _tree;
        Button(editor, "Autogenerate from sample JSON: Inputs").Click();
        editor.Find("textarea[aria-label='Sample JSON for Inputs']").Input("""{ "a": 1 }""");
        ButtonNamed(editor, "Preview").Click();

        ButtonNamed(editor, "Cancel").Click();

        _tree.ShouldBe(before);
        editor.FindAll("textarea[aria-label='Sample JSON for Inputs']").ShouldBeEmpty();
    }

    [Fact]
    public void Invalid_json_shows_the_parse_error_with_its_line_and_position_and_cannot_replace()
    {
        var editor = RenderEditor();
        Button(editor, "Autogenerate from sample JSON: Inputs").Click();

        editor.Find("textarea[aria-label='Sample JSON for Inputs']").Input("{\n  \"a\": 1,\n  \"b\": }");
        ButtonNamed(editor, "Preview").Click();

        var alert = editor.Find("[role='alert']").TextContent;
        alert.ShouldContain("not valid JSON");
        alert.ShouldContain("line 3");
        ButtonNamed(editor, "Replace").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void Dragging_a_node_onto_an_object_makes_it_the_object_s_last_child()
    {
        var editor = RenderEditor();

        DragHandle(editor, "Inputs note").DragStart();
        editor.Find("[role='treeitem'][aria-label='customer']").Drop();

        _tree.Select(n => n.Name).ShouldBe(["customer"]);
        _tree[0].Children.Select(c => c.Name).ShouldBe(["id", "name", "note"]);
    }

    [Fact]
    public void Dragging_a_node_onto_a_gap_puts_it_there()
    {
        var editor = RenderEditor();

        DragHandle(editor, "Inputs customer.name").DragStart();
        editor.Find("[data-testid='drop-before Inputs customer.id']").Drop();
        _tree[0].Children.Select(c => c.Name).ShouldBe(["name", "id"]);

        DragHandle(editor, "Inputs customer.id").DragStart();
        editor.Find("[data-testid='drop-end Inputs']").Drop();
        _tree.Select(n => n.Name).ShouldBe(["customer", "note", "id"]);
        _tree[0].Children.Select(c => c.Name).ShouldBe(["name"]);
    }

    [Fact]
    public void Dropping_into_itself_onto_a_field_that_is_no_object_or_without_a_drag_changes_nothing()
    {
        var editor = RenderEditor();
        var before = _tree;

        DragHandle(editor, "Inputs customer").DragStart();
        editor.Find("[data-testid='drop-before Inputs customer.name']").Drop();
        DragHandle(editor, "Inputs customer").DragStart();
        editor.Find("[role='treeitem'][aria-label='note']").Drop();
        editor.Find("[role='treeitem'][aria-label='customer']").Drop();
        DragHandle(editor, "Inputs note").DragStart();
        DragHandle(editor, "Inputs note").DragEnd();
        editor.Find("[role='treeitem'][aria-label='customer']").Drop();

        _tree.ShouldBe(before);
    }

    [Fact]
    public void A_moved_node_whose_name_its_new_siblings_have_gets_a_free_one()
    {
        _tree = [.. _tree, DataNode.Leaf("id", DataType.Decimal)];
        var editor = RenderEditor();

        DragHandle(editor, "Inputs id").DragStart();
        editor.Find("[role='treeitem'][aria-label='customer']").Drop();

        _tree[0].Children.ShouldBe([DataNode.Leaf("id", DataType.Integer), DataNode.Leaf("name", DataType.String), DataNode.Leaf("id2", DataType.Decimal)]);
    }

    private IRenderedComponent<DataTreeEditor> RenderEditor() =>
        Render<DataTreeEditor>(p => p
            .Add(e => e.Label, "Inputs")
            .Add(e => e.Nodes, _tree)
            .Add(e => e.NodesChanged, (ValueList<DataNode> tree) => _tree = tree));

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<DataTreeEditor> editor, string label) =>
        editor.Find($"button[aria-label='{label}']");

    /// <summary>The element that handles a node's drag: the wrapper of its (pointer-only) drag handle.</summary>
    private static AngleSharp.Dom.IElement DragHandle(IRenderedComponent<DataTreeEditor> editor, string node) =>
        editor.Find($"[title='Drag {node} to move it']").ParentElement!;

    private static AngleSharp.Dom.IElement ButtonNamed(IRenderedComponent<DataTreeEditor> editor, string text) =>
        editor.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
