using System.Text.Json.Nodes;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Patchbay.Core.Model;
using Patchbay.Hub.Ui.Editor;

namespace Patchbay.Ui.Tests.Components;

/// <summary>The Test panel's inputs: a form generated from the action's input tree, or the same values as raw JSON.</summary>
public sealed class InputFormTests : BunitContext
{
    private static readonly ValueList<DataNode> Tree =
    [
        DataNode.Leaf("name", DataType.String, isRequired: true),
        DataNode.Leaf("count", DataType.Integer),
        DataNode.Leaf("size", DataType.Byte),
        DataNode.Leaf("price", DataType.Decimal),
        DataNode.Leaf("ratio", DataType.Double),
        DataNode.Leaf("active", DataType.Boolean),
        DataNode.Leaf("due", DataType.Date),
        DataNode.Object("customer", [DataNode.Leaf("email", DataType.String), DataNode.Object("address", [DataNode.Leaf("city", DataType.String, isRequired: true)])]),
        DataNode.Leaf("tags", DataType.String, isList: true),
        DataNode.Object("lines", [DataNode.Leaf("sku", DataType.String), DataNode.Leaf("quantity", DataType.Integer)], isList: true),
    ];

    public InputFormTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Every_type_gets_its_control_objects_are_groups_and_required_fields_are_marked()
    {
        var form = Render<InputForm>(p => p.Add(f => f.Tree, Tree));

        Input(form, "Inputs name").GetAttribute("type").ShouldBe("text");
        Input(form, "Inputs name").HasAttribute("required").ShouldBeTrue();
        Input(form, "Inputs count").GetAttribute("inputmode").ShouldNotBeNull();
        Input(form, "Inputs price").ShouldNotBeNull();
        Input(form, "Inputs ratio").ShouldNotBeNull();
        Input(form, "Inputs size").ShouldNotBeNull();
        Input(form, "Inputs active").GetAttribute("type").ShouldBe("checkbox");
        Input(form, "Inputs due").GetAttribute("type").ShouldBe("date");
        form.Find("fieldset[aria-label='Inputs customer'] fieldset[aria-label='Inputs customer.address'] legend").TextContent.ShouldBe("address");
        Input(form, "Inputs customer.address.city").HasAttribute("required").ShouldBeTrue();
        form.Find("fieldset[aria-label='Inputs tags'] legend").TextContent.ShouldContain("list of String");
    }

    [Fact]
    public async Task Filled_fields_nested_objects_and_list_items_make_the_inputs_object()
    {
        var form = Render<InputForm>(p => p.Add(f => f.Tree, Tree));

        Input(form, "Inputs name").Input("Ada");
        Input(form, "Inputs count").Change("42");
        Input(form, "Inputs price").Change("9.5");
        Input(form, "Inputs active").Change(true);
        Input(form, "Inputs due").Input("2026-11-29");
        Input(form, "Inputs customer.address.city").Input("Paris");
        Button(form, "Add item to Inputs tags").Click();
        Button(form, "Add item to Inputs tags").Click();
        Input(form, "Inputs tags[0]").Input("red");
        Input(form, "Inputs tags[1]").Input("blue");
        Button(form, "Remove Inputs tags[0]").Click();
        Button(form, "Add item to Inputs lines").Click();
        Input(form, "Inputs lines[0].sku").Input("A-1");
        Input(form, "Inputs lines[0].quantity").Change("2");

        (await ReadAsync(form)).ToJsonString().ShouldBe("""{"name":"Ada","count":42,"price":9.5,"active":true,"due":"2026-11-29","customer":{"address":{"city":"Paris"}},"tags":["blue"],"lines":[{"sku":"A-1","quantity":2}]}""");
    }

    [Fact]
    public async Task Switching_to_json_and_back_keeps_the_values_even_fields_the_form_has_no_control_for()
    {
        var form = Render<InputForm>(p => p.Add(f => f.Tree, Tree));
        Input(form, "Inputs name").Input("Ada");

        Switch(form).Change(true);
        var text = form.Find("textarea[aria-label='Inputs as JSON']");
        JsonNode.Parse(text.GetAttribute("value") ?? text.TextContent)!["name"]!.GetValue<string>().ShouldBe("Ada");
        text.Input("""{ "name": "Grace", "tags": ["x"], "extra": 1 }""");
        Switch(form).Change(false);

        Input(form, "Inputs name").GetAttribute("value").ShouldBe("Grace");
        Input(form, "Inputs tags[0]").GetAttribute("value").ShouldBe("x");
        (await ReadAsync(form))["extra"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Invalid_json_shows_its_line_and_position_and_keeps_the_json_mode()
    {
        var form = Render<InputForm>(p => p.Add(f => f.Tree, Tree).Add(f => f.JsonMode, true));

        form.Find("textarea[aria-label='Inputs as JSON']").Input("{\n  \"name\": Ada\n}");
        Switch(form).Change(false);

        form.Find("[role=alert]").TextContent.ShouldContain("line 2, position 11");
        form.FindAll("textarea[aria-label='Inputs as JSON']").ShouldHaveSingleItem();
        (await form.InvokeAsync(() => form.Instance.TryRead(out _))).ShouldBeFalse();
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<InputForm> form, string label) =>
        form.Find($"input[aria-label='{label}']");

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<InputForm> form, string label) =>
        form.Find($"button[aria-label='{label}']");

    private static AngleSharp.Dom.IElement Switch(IRenderedComponent<InputForm> form) =>
        form.Find("input[aria-label='Edit Inputs as JSON']");

    private static async Task<JsonObject> ReadAsync(IRenderedComponent<InputForm> form) =>
        await form.InvokeAsync(() => form.Instance.TryRead(out var inputs) ? inputs : throw new InvalidOperationException("The inputs do not read."));
}
