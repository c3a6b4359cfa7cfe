using AngleSharp.Dom;
using Bunit;
using MudBlazor.Services;
using Patchbay.Core.Authoring;
using Patchbay.Core.Model;
using Patchbay.Hub.Ui.Editor;

namespace Patchbay.Ui.Tests.Components;

/// <summary>The Connector Editor's Easy REST request: every field shows the request, every edit gives the owner a new one.</summary>
public sealed class RestRequestEditorTests : BunitContext
{
    private RestRequest _request = new()
    {
        Method = "GET",
        Url = "/weather/{{city}}",
        UseAuthentication = true,
        Headers = [new RestParameter("X-Api-Key", "{{apiKey}}")],
        Query = [new RestParameter("units", "{{units}}")],
        ResultPath = "data",
    };

    private readonly ConnectorDefinition _definition;

    public RestRequestEditorTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        var template = ConnectorTemplates.EasyRest("Weather", Guid.NewGuid(), Guid.NewGuid()).Definition;
        _definition = template with
        {
            Parameters = [new ConnectorParameter { Name = "apiKey", PasswordMode = true }],
            Actions = [template.Actions[0] with
            {
                Name = "get-weather",
                Inputs = [DataNode.Leaf("city", DataType.String), DataNode.Leaf("units", DataType.String), DataNode.Object("forecast", [DataNode.Leaf("days", DataType.Integer)])],
            }],
        };
    }

    [Fact]
    public void The_fields_show_the_request()
    {
        var editor = RenderEditor();

        Field(editor, "URL").GetAttribute("value").ShouldBe("/weather/{{city}}");
        Field(editor, "Method").QuerySelector("option[selected]")!.TextContent.ShouldBe("GET");
        Field(editor, "Result path").GetAttribute("value").ShouldBe("data");
        editor.Find("input[aria-label='Name of header 1']").GetAttribute("value").ShouldBe("X-Api-Key");
        editor.Find("input[aria-label='Value of header 1']").GetAttribute("value").ShouldBe("{{apiKey}}");
        editor.Find("input[aria-label='Name of query parameter 1']").GetAttribute("value").ShouldBe("units");
        ((AngleSharp.Html.Dom.IHtmlInputElement)Checkbox(editor, "Use authentication")).IsChecked.ShouldBeTrue();
        editor.Find("[data-testid=rest-placeholders]").TextContent.ShouldBe(
            "Placeholders for the URL, headers and query parameters: inputs {{city}}, {{units}}, {{forecast.days}}; Connector parameters {{apiKey}}.");
    }

    [Fact]
    public void Edits_give_the_owner_the_changed_request()
    {
        var editor = RenderEditor();

        Field(editor, "URL").Change("/forecast/{{city}}");
        _request.Url.ShouldBe("/forecast/{{city}}");

        Field(editor, "Method").Change("POST");
        _request.Method.ShouldBe("POST");
        _request.ContentType.ShouldBe("application/json", "a method with a body gets JSON unless one is chosen");

        Field(editor, "Content type").Change("application/x-www-form-urlencoded");
        Field(editor, "Body input").Change("forecast");
        Field(editor, "Response format").Change(nameof(RestResponseFormat.Xml));
        Checkbox(editor, "Use authentication").Change(false);
        Checkbox(editor, "Also send inputs used by placeholders").Change(false);

        _request.ShouldBe(new RestRequest
        {
            Method = "POST",
            Url = "/forecast/{{city}}",
            ContentType = "application/x-www-form-urlencoded",
            UseAuthentication = false,
            SendTemplateInputs = false,
            BodyInput = "forecast",
            ResponseFormat = RestResponseFormat.Xml,
            Headers = [new RestParameter("X-Api-Key", "{{apiKey}}")],
            Query = [new RestParameter("units", "{{units}}")],
            ResultPath = "data",
        });
    }

    [Fact]
    public void An_unknown_placeholder_shows_its_problem_next_to_the_url()
    {
        var editor = RenderEditor();
        Text(editor).ShouldNotContain("is neither an input");

        Field(editor, "URL").Change("/weather/{{cityy}}");

        editor.WaitForAssertion(() => Text(editor).ShouldContain(
            "{{cityy}} in the URL is neither an input of 'get-weather' nor a Connector parameter (known: city, units, forecast, apiKey)."));
        Field(editor, "URL").GetAttribute("aria-invalid").ShouldBe("true");
    }

    [Fact]
    public void A_placeholder_in_a_header_is_checked_too()
    {
        _request = _request with { Headers = [new RestParameter("X-Region", "{{region}}")] };

        var editor = RenderEditor();

        Text(editor).ShouldContain("{{region}} in the header 'X-Region' is neither an input");
    }

    [Fact]
    public void Headers_are_added_edited_and_removed()
    {
        var editor = RenderEditor();

        editor.FindAll("button").Single(b => b.TextContent.Contains("Add header", StringComparison.Ordinal)).Click();
        editor.Find("input[aria-label='Name of header 2']").Change("Accept-Language");
        editor.Find("input[aria-label='Value of header 2']").Change("{{units}}");
        _request.Headers.ShouldBe([new RestParameter("X-Api-Key", "{{apiKey}}"), new RestParameter("Accept-Language", "{{units}}")]);

        editor.Find("button[aria-label='Remove header 1']").Click();
        _request.Headers.ShouldBe([new RestParameter("Accept-Language", "{{units}}")]);
        _request.Query.ShouldBe([new RestParameter("units", "{{units}}")]);
    }

    [Fact]
    public void Query_parameters_are_added_and_removed()
    {
        var editor = RenderEditor();

        editor.FindAll("button").Single(b => b.TextContent.Contains("Add query parameter", StringComparison.Ordinal)).Click();
        editor.Find("input[aria-label='Name of query parameter 2']").Change("api-version");
        editor.Find("input[aria-label='Value of query parameter 2']").Change("2024-05-01");
        editor.Find("button[aria-label='Remove query parameter 1']").Click();

        _request.Query.ShouldBe([new RestParameter("api-version", "2024-05-01")]);
    }

    [Fact]
    public void Pagination_shows_the_settings_of_its_kind()
    {
        var editor = RenderEditor();
        editor.FindAll("label").ShouldNotContain(l => l.TextContent == "Items path");

        Field(editor, "Pagination").Change(nameof(PaginationKind.Cursor));
        _request.Pagination.ShouldBe(new RestPagination { Kind = PaginationKind.Cursor });
        Labels(editor).ShouldContain("Next cursor path");
        Labels(editor).ShouldContain("Cursor parameter");
        Labels(editor).ShouldNotContain("First page number");
        Text(editor).ShouldContain("cursor pagination needs 'nextPath'");

        Field(editor, "Items path").Change("data");
        Field(editor, "Next cursor path").Change("meta.next_cursor");
        Field(editor, "Cursor parameter").Change("after");
        Field(editor, "Page size parameter").Change("limit");
        Field(editor, "Page size").Change("50");
        Field(editor, "Pages at most").Change("20");
        Field(editor, "Items at most").Change("500");

        _request.Pagination.ShouldBe(new RestPagination
        {
            Kind = PaginationKind.Cursor,
            ItemsPath = "data",
            NextPath = "meta.next_cursor",
            Parameter = "after",
            SizeParameter = "limit",
            PageSize = 50,
            MaxPages = 20,
            MaxItems = 500,
        });
        Text(editor).ShouldNotContain("pagination needs");
        Field(editor, "Result path").HasAttribute("disabled").ShouldBeTrue("pagination's items path plays its role");
    }

    [Fact]
    public void Page_number_pagination_starts_where_the_api_counts_from()
    {
        var editor = RenderEditor();

        Field(editor, "Pagination").Change(nameof(PaginationKind.PageNumber));
        Labels(editor).ShouldNotContain("Next link path");
        Field(editor, "Page number parameter").Change("page");
        Field(editor, "First page number").Change("1");

        _request.Pagination.ShouldBe(new RestPagination { Kind = PaginationKind.PageNumber, Parameter = "page", Start = 1 });

        Field(editor, "Pagination").Change("");
        _request.Pagination.ShouldBeNull();
    }

    [Fact]
    public void Retry_and_timeout_are_set_in_seconds()
    {
        var editor = RenderEditor();

        Checkbox(editor, "Retry on 429, 502, 503, 504 and network failures").Change(true);
        _request.Retry.ShouldBe(new RestRetry());
        Field(editor, "Attempts in all").Change("4");
        Field(editor, "First wait (seconds)").Change("0.5");
        Field(editor, "Longest wait (seconds)").Change("20");
        Field(editor, "Timeout (seconds)").Change("120");

        _request.Retry.ShouldBe(new RestRetry { MaxAttempts = 4, InitialDelay = TimeSpan.FromSeconds(0.5), MaxDelay = TimeSpan.FromSeconds(20) });
        _request.Timeout.ShouldBe(TimeSpan.FromSeconds(120));

        Field(editor, "Attempts in all").Change("11");
        Text(editor).ShouldContain("maxAttempts is 11; it must be from 1 to 10");
    }

    private IRenderedComponent<RestRequestEditor> RenderEditor() => Render<RestRequestEditor>(p => p
        .Add(e => e.Value, _request)
        .Add(e => e.ValueChanged, r => _request = r)
        .Add(e => e.Definition, _definition)
        .Add(e => e.ActionIndex, 0));

    /// <summary>The control a visible label names, as a person finds it.</summary>
    private static IElement Field(IRenderedComponent<RestRequestEditor> editor, string label)
    {
        var element = editor.FindAll("label").Single(l => l.TextContent.Trim() == label);
        return editor.Find($"#{element.GetAttribute("for")}");
    }

    private static IElement Checkbox(IRenderedComponent<RestRequestEditor> editor, string label) =>
        editor.FindAll("label").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!;

    /// <summary>What the person reads: the text of the editor, errors under fields included.</summary>
    private static string Text(IRenderedComponent<RestRequestEditor> editor) => string.Concat(editor.Nodes.Select(n => n.TextContent));

    private static List<string> Labels(IRenderedComponent<RestRequestEditor> editor) =>
        editor.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
}
