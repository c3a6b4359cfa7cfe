using Patchbay.Compat.Tests.Support;

namespace Patchbay.Compat.Tests.BzUtil;

/// <summary>bizagi-compat §6.3, REQUIRED(moduleName): the connector's node_modules/&lt;name&gt; only (the autotesting mock: S6_7).</summary>
public sealed class S6_3_RequiredTests(CompatRuntime fixture) : IClassFixture<CompatRuntime>
{
    private const string Action = "s6-3-required";

    [Fact]
    public async Task S6_3_loads_the_connectors_library_from_node_modules() =>
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "connector-library")).ShouldBe("""{"kind":"library","padded":"  7"}""");

    [Fact]
    public async Task S6_3_is_the_module_a_plain_require_from_an_action_resolves() =>
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "same-module-as-plain-require")).ShouldBe("true");

    [Fact]
    public async Task S6_3_resolves_the_absolute_path_connector_node_modules_name() =>
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "same-module-as-its-absolute-path")).ShouldBe("true");

    [Fact]
    public async Task S6_3_absent_module_throws_MODULE_NOT_FOUND()
    {
        var thrown = await BzUtilExamples.ThrownAsync(fixture.Runtime, Action, "absent-module");

        thrown["code"]!.GetValue<string>().ShouldBe("MODULE_NOT_FOUND");
        thrown["message"]!.GetValue<string>().ShouldStartWith("Cannot find module '");
        thrown["message"]!.GetValue<string>().ShouldEndWith("/node_modules/not-installed'");
    }

    [Fact]
    public async Task S6_3_does_no_node_resolution_so_a_core_module_is_not_found() =>
        (await BzUtilExamples.ThrownAsync(fixture.Runtime, Action, "only-that-folder-not-node-resolution"))["code"]!.GetValue<string>().ShouldBe("MODULE_NOT_FOUND");
}
