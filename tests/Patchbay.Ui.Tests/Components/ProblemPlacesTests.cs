using AngleSharp.Dom;
using Bunit;
using MudBlazor.Services;
using Patchbay.Core.Authoring;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Validation;
using Patchbay.Hub.Ui.Editor;

namespace Patchbay.Ui.Tests.Components;

/// <summary>
/// A validation problem leads to the field that fixes it: for problems Core's validator really reports, the editor's
/// components render an element whose <c>data-place</c> is the most precise place the problem names, and that
/// element holds the control at fault.
/// </summary>
public sealed class ProblemPlacesTests : BunitContext
{
    private static readonly DefinitionLocations At = DefinitionLocations.Bizc;

    public ProblemPlacesTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void A_bad_field_name_leads_to_its_node_in_the_tree()
    {
        ValueList<DataNode> inputs = [DataNode.Object("customer", [DataNode.Leaf("id", DataType.Integer), DataNode.Leaf("bad name", DataType.String)])];
        var definition = Custom(d => d with { Actions = [d.Actions[0] with { Inputs = inputs }] });
        var tree = Render<DataTreeEditor>(p => p
            .Add(e => e.Label, "Inputs")
            .Add(e => e.Nodes, inputs)
            .Add(e => e.PlaceOf, names => At.DataNode(0, DataTreeKind.Input, names)));

        var reached = Reached(tree, Problem(definition, "invalid-field-name"));

        reached.GetAttribute("role").ShouldBe("treeitem");
        reached.GetAttribute("aria-label").ShouldBe("bad name");
    }

    [Fact]
    public void A_duplicate_parameter_leads_to_the_name_of_the_second()
    {
        ValueList<ConnectorParameter> parameters = [new() { Name = "region" }, new() { Name = "region" }];
        var definition = Custom(d => d with { Parameters = parameters });
        var editor = RenderParameters("Connector", parameters, At.ConnectorParameter);

        var reached = Reached(editor, Problem(definition, "duplicate-parameter"));

        LabelOf(editor, reached).ShouldBe("Name of Connector parameter 2");
    }

    [Fact]
    public void A_problem_of_a_member_no_control_edits_leads_to_the_parameter_row()
    {
        ValueList<ConnectorParameter> parameters = [new() { Name = "token" }, new() { Name = "secret", PasswordMode = true, DefaultValue = "hunter2" }];
        var definition = Custom(d => d with { Authentication = d.Authentication with { Parameters = parameters } });
        var editor = RenderParameters("Authentication", parameters, At.AuthenticationParameter);

        var reached = Reached(editor, Problem(definition, "secret-parameter-default"));

        reached.GetAttribute("aria-label").ShouldBe("Authentication parameter secret");
    }

    [Fact]
    public void A_bad_error_code_leads_to_its_row()
    {
        ValueList<ErrorDefinition> errors = [new("GIT.NOT_FOUND", "Not found"), new("not a code", "Oops")];
        var definition = Custom(d => d with { Errors = errors });
        var editor = Render<ErrorsEditor>(p => p.Add(e => e.Errors, errors).Add(e => e.PlaceOf, At.ErrorCode));

        var reached = Reached(editor, Problem(definition, "invalid-error-code"));

        reached.GetAttribute("aria-label").ShouldBe("Error not a code");
    }

    [Theory]
    [InlineData("unknown URL placeholder", "resturl", "URL")]
    [InlineData("pagination pages", "pagination.maxPages", "Pages at most")]
    [InlineData("retry attempts", "retry.maxAttempts", "Attempts in all")]
    public void A_request_problem_leads_to_its_field(string fault, string member, string label)
    {
        var template = ConnectorTemplates.EasyRest("Weather", Guid.NewGuid(), Guid.NewGuid()).Definition;
        var request = new RestRequest { Method = "GET", Url = "/weather/{{city}}" };
        request = fault switch
        {
            "unknown URL placeholder" => request with { Url = "/weather/{{town}}" },
            "pagination pages" => request with { Pagination = new RestPagination { Kind = PaginationKind.PageNumber, Parameter = "page", MaxPages = 0 } },
            _ => request with { Retry = new RestRetry { MaxAttempts = 0 } },
        };
        var definition = template with { Actions = [template.Actions[0] with { Inputs = [DataNode.Leaf("city", DataType.String)], Rest = request }] };
        var problem = ConnectorValidator.Validate(new ConnectorPackage { Definition = definition }, At).First(p => p.Location.Path?.EndsWith(member, StringComparison.Ordinal) == true);
        var editor = Render<RestRequestEditor>(p => p.Add(e => e.Value, request).Add(e => e.Definition, definition).Add(e => e.ActionIndex, 0));

        var reached = Reached(editor, ProblemPlace.Of(problem.Location, definition));

        LabelOf(editor, reached).ShouldBe(label);
    }

    [Fact]
    public void A_syntax_error_names_the_code_file_its_line_and_column()
    {
        var package = ConnectorTemplates.Custom("Mail", Guid.NewGuid(), Guid.NewGuid());
        var path = ConnectorPackage.ActionPath(package.Definition.Actions[0].Name);
        package = CodeEdits.SetCode(package, path, "function invoke(globals) {\n  return (\n}\nexports.invoke = invoke;\n");

        var problem = ConnectorValidator.Validate(package, At).Single(p => p.Code == "js-syntax-error");
        var place = ProblemPlace.Of(problem.Location, package.Definition);

        place.Panel.ShouldBe(EditorPanel.Actions);
        place.ActionIndex.ShouldBe(0);
        place.Fields.ShouldBe([path]);
        place.Line.ShouldBe(3);
        place.Column.ShouldNotBeNull();
    }

    private static ConnectorDefinition Custom(Func<ConnectorDefinition, ConnectorDefinition> change) =>
        change(ConnectorTemplates.Custom("Mail", Guid.NewGuid(), Guid.NewGuid()).Definition);

    private static ProblemPlace Problem(ConnectorDefinition definition, string code)
    {
        var problem = ConnectorValidator.Validate(new ConnectorPackage { Definition = definition }, At).First(p => p.Code == code);
        return ProblemPlace.Of(problem.Location, definition);
    }

    private IRenderedComponent<ParametersEditor> RenderParameters(string label, ValueList<ConnectorParameter> parameters, Func<int, string, Location> placeOf) =>
        Render<ParametersEditor>(p => p.Add(e => e.Label, label).Add(e => e.Parameters, parameters).Add(e => e.PlaceOf, placeOf));

    /// <summary>What a control is called: its aria-label, or the text of its label element.</summary>
    private static string? LabelOf<T>(IRenderedComponent<T> rendered, IElement control)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        control.GetAttribute("aria-label") ?? rendered.FindAll("label").FirstOrDefault(l => l.GetAttribute("for") == control.Id)?.TextContent.Trim();

    /// <summary>The element the browser's focusPlace would reach: the first of the place's fields the component shows.</summary>
    private static IElement Reached<T>(IRenderedComponent<T> rendered, ProblemPlace place)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var shown = rendered.FindAll("[data-place]");
        var field = place.Fields.FirstOrDefault(f => shown.Any(e => e.GetAttribute("data-place") == f));
        field.ShouldNotBeNull($"none of {string.Join(", ", place.Fields)} is shown");
        return shown.First(e => e.GetAttribute("data-place") == field);
    }
}
