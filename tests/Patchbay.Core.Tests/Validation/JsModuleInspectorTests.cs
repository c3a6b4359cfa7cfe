using Patchbay.Core.Validation;

namespace Patchbay.Core.Tests.Validation;

public sealed class JsModuleInspectorTests
{
    [Theory]
    [InlineData("function invoke() {} exports.invoke = invoke;")]
    [InlineData("exports['invoke'] = function () {};")]
    [InlineData("module.exports.invoke = async function () {};")]
    [InlineData("module.exports = { invoke: invoke }; function invoke() {}")]
    [InlineData("module.exports = { invoke }; function invoke() {}")]
    [InlineData("module.exports = { invoke() {} };")]
    [InlineData("function fn(deps, g) {} exports.invoke = fn.bind(null, {});")]
    [InlineData("(function () { exports.invoke = function () {}; })();")]
    [InlineData("x = 1; exports.invoke = function () { y = 2; };")]
    public void Inspect_ModuleExportingInvoke_ReportsIt(string code) =>
        JsModuleInspector.Inspect(code).ExportsInvoke.ShouldBeTrue();

    [Theory]
    [InlineData("function invoke() {}")]
    [InlineData("exports.run = function () {};")]
    [InlineData("module.exports = { run: run };")]
    [InlineData("var exports2 = {}; exports2.invoke = 1;")]
    public void Inspect_ModuleWithoutInvoke_ReportsNoExport(string code)
    {
        var report = JsModuleInspector.Inspect(code);

        report.ExportsInvoke.ShouldBeFalse();
        report.ExportsAreOpaque.ShouldBeFalse();
    }

    [Fact]
    public void Inspect_ExportsReplacedByAVariable_IsOpaque() =>
        JsModuleInspector.Inspect("var api = require('./api'); module.exports = api;").ExportsAreOpaque.ShouldBeTrue();

    [Fact]
    public void Inspect_SyntaxError_ReportsLineAndColumn()
    {
        var report = JsModuleInspector.Inspect("var a = 1;\nvar b = ;\n");

        report.SyntaxError.ShouldNotBeNull();
        report.SyntaxError.Line.ShouldBe(2);
        report.SyntaxError.Column.ShouldBe(9);
    }

    [Fact]
    public void Inspect_SloppyModeCode_Parses() =>
        JsModuleInspector.Inspect("with (Math) { x = max(1, 2); } var let = 1; exports.invoke = function () {};").SyntaxError.ShouldBeNull();
}
