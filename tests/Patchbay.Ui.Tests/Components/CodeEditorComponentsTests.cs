using Bunit;
using MudBlazor.Services;
using Patchbay.Core.Authoring;
using Patchbay.Core.Model;
using Patchbay.Hub.Ui.Editor;

namespace Patchbay.Ui.Tests.Components;

/// <summary>Where the code editors appear: a custom action's work area, and the auth.js button of the Custom method.</summary>
public sealed class CodeEditorComponentsTests : BunitContext
{
    private ConnectorPackage _package = ConnectorTemplates.Custom("Greeter", Guid.NewGuid(), Guid.NewGuid());

    public CodeEditorComponentsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void A_custom_action_shows_its_code_in_a_labelled_editor()
    {
        var area = RenderAction(_package.Definition.Actions[0]);

        area.Find("section").GetAttribute("aria-label").ShouldBe("Code of Say Hello");
        area.Markup.ShouldContain("actions/say-hello.js");
        area.FindAll(".code-editor").Count.ShouldBe(1);
    }

    [Fact]
    public void An_easy_rest_action_has_no_code_editor()
    {
        var rest = _package.Definition.Actions[0] with { Kind = ActionKind.Rest, Rest = new RestRequest { Method = "GET", Url = "/" } };

        RenderAction(rest).Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public void A_custom_action_without_its_file_offers_the_template()
    {
        var path = ConnectorPackage.ActionPath("say-hello");
        _package = _package with { Files = _package.Files.Without(p => p == path) };
        var area = RenderAction(_package.Definition.Actions[0]);
        area.FindAll(".code-editor").ShouldBeEmpty();

        area.FindAll("button").Single(b => b.TextContent.Contains("Create actions/say-hello.js from the template", StringComparison.Ordinal)).Click();

        _package.Files.GetText(path).ShouldBe(ConnectorTemplates.ActionCode);
    }

    [Fact]
    public void The_auth_js_button_shows_only_with_the_custom_method()
    {
        RenderAuthButton().FindAll("button").ShouldHaveSingleItem().TextContent.ShouldContain("auth.js");

        _package = _package with { Definition = _package.Definition with { Authentication = new AuthenticationSettings { Method = AuthenticationMethod.Basic, Name = "basic" } } };

        RenderAuthButton().Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public void Opening_a_missing_auth_js_creates_it_from_the_template()
    {
        _package = _package with { Files = _package.Files.Without(p => p == ConnectorPaths.Authenticator) };

        RenderAuthButton().Find("button").Click();

        _package.Files.GetText(ConnectorPaths.Authenticator).ShouldBe(ConnectorTemplates.AuthenticatorCode);
    }

    [Fact]
    public void Opening_an_existing_auth_js_changes_nothing()
    {
        var before = _package;

        RenderAuthButton().Find("button").Click();

        _package.ShouldBeSameAs(before);
    }

    private IRenderedComponent<ActionCodeEditor> RenderAction(ActionDefinition action) =>
        Render<ActionCodeEditor>(p => p
            .Add(a => a.Package, _package)
            .Add(a => a.Action, action)
            .Add(a => a.PackageChanged, changed => _package = changed));

    private IRenderedComponent<AuthScriptButton> RenderAuthButton() =>
        Render<AuthScriptButton>(p => p
            .Add(a => a.Package, _package)
            .Add(a => a.PackageChanged, changed => _package = changed));
}
