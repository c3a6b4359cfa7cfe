using System.Text.RegularExpressions;
using Patchbay.Core.Authoring;
using Patchbay.Core.Model;
using Patchbay.Core.Validation;
using Patchbay.Hub.Ui.Editor;
using Patchbay.Ui.Tests.Support;

namespace Patchbay.Ui.Tests.Components;

/// <summary>The code files the editor's code editors change, and the templates a missing one starts from.</summary>
public sealed partial class CodeEditsTests
{
    private static readonly string SayHello = ConnectorPackage.ActionPath("say-hello");

    [Fact]
    public void SetCode_replaces_the_files_text_and_nothing_else()
    {
        var package = Template();

        var changed = CodeEdits.SetCode(package, SayHello, "exports.invoke = function () {};\n");

        changed.Files.GetText(SayHello).ShouldBe("exports.invoke = function () {};\n");
        changed.Files.GetText(ConnectorPaths.Authenticator).ShouldBe(package.Files.GetText(ConnectorPaths.Authenticator));
        changed.Definition.ShouldBe(package.Definition);
    }

    [Fact]
    public void SetCode_with_the_same_text_keeps_the_package()
    {
        var package = Template();

        CodeEdits.SetCode(package, SayHello, package.Files.GetText(SayHello)!).ShouldBeSameAs(package);
    }

    [Fact]
    public void A_missing_auth_js_is_created_from_the_authenticator_template()
    {
        var package = Template();
        package = package with { Files = package.Files.Without(p => p == ConnectorPaths.Authenticator) };

        var created = CodeEdits.CreateIfMissing(package, ConnectorPaths.Authenticator);

        var code = created.Files.GetText(ConnectorPaths.Authenticator)!;
        code.ShouldBe(ConnectorTemplates.AuthenticatorCode);
        code.ShouldContain("function invoke(globals, LOG, callback) {");
        ConnectorValidator.Validate(created, DefinitionLocations.Bizc).ShouldNotContain(d => d.IsError);
    }

    [Fact]
    public void A_missing_action_file_is_created_from_the_invoke_template()
    {
        var package = Template();
        package = package with { Files = package.Files.Without(p => p == SayHello) };

        var created = CodeEdits.CreateIfMissing(package, SayHello);

        created.Files.GetText(SayHello).ShouldBe(ConnectorTemplates.ActionCode);
        ConnectorValidator.Validate(created, DefinitionLocations.Bizc).ShouldNotContain(d => d.IsError);
    }

    [Fact]
    public void An_existing_file_is_never_replaced_by_a_template()
    {
        var package = CodeEdits.SetCode(Template(), ConnectorPaths.Authenticator, "exports.invoke = mine;\n");

        CodeEdits.CreateIfMissing(package, ConnectorPaths.Authenticator).ShouldBeSameAs(package);
    }

    [Fact]
    public void A_new_action_gets_bizagis_invoke_with_its_parameters_typed_for_completion()
    {
        var added = ConnectorEdits.AddAction(Template());

        var code = added.Files.GetText(ConnectorPackage.ActionPath("new-action"))!;
        code.ShouldContain("var bizagiUtil = require('bz-util');");
        code.ShouldContain("function invoke(globals, actionName, data, authenticationType, LOG, callback) {");
        code.ShouldContain("exports.invoke = invoke;");
        foreach (var type in new[] { "{Bizagi.Globals} globals", "{Bizagi.ActionData} data", "{Bizagi.Logger} LOG", "{Bizagi.Callback} callback" })
        {
            code.ShouldContain($"@param {type}");
        }
    }

    [Fact]
    public void Completion_declares_every_export_of_the_runtimes_bz_util_and_the_types_the_templates_name()
    {
        var declarations = File.ReadAllText(Path.Combine(BrowserFixture.RepositoryRoot, "src", "Patchbay.Hub", "wwwroot", "bz-util.d.ts"));
        var index = File.ReadAllText(Path.Combine(BrowserFixture.RepositoryRoot, "src", "Patchbay.Runtime", "NodeHost", "bz-util", "index.js"));
        var exports = ExportedNames().Matches(index[index.IndexOf("module.exports", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).ToList();

        exports.ShouldBe(["getResponse", "error", "loadModule", "cleanAllModulesCache", "cleanModuleCache", "validator", "config", "LOG", "autotesting", "REQUIRED"], ignoreOrder: true);
        declarations.ShouldContain("declare module 'bz-util'");
        var start = declarations.IndexOf("interface BzUtil {", StringComparison.Ordinal);
        var bzUtil = declarations[start..declarations.IndexOf("\n    }", start, StringComparison.Ordinal)];
        foreach (var name in exports)
        {
            bzUtil.ShouldMatch($@"\n        {name}[(:]", $"bz-util's {name} is not declared in BzUtil");
        }

        foreach (var type in new[] { "interface Globals", "interface ActionData", "interface Logger", "type Callback" })
        {
            declarations.ShouldContain(type);
        }
    }

    private static ConnectorPackage Template() => ConnectorTemplates.Custom("Greeter", Guid.NewGuid(), Guid.NewGuid());

    /// <summary>The names in index.js's <c>module.exports = { getResponse, ..., get config() {...}, ... }</c>.</summary>
    [GeneratedRegex(@"^\s+(?:get )?(\w+)\b", RegexOptions.Multiline)]
    private static partial Regex ExportedNames();
}
