using Patchbay.Compat.Tests.Support;

namespace Patchbay.Compat.Tests.BzUtil;

/// <summary>bizagi-compat §6.4, loadModule, cleanModuleCache, cleanAllModulesCache: a map of its own beside Node's require cache.</summary>
public sealed class S6_4_LoadModuleTests(CompatRuntime fixture) : IClassFixture<CompatRuntime>
{
    private const string Action = "s6-4-load-module";

    [Theory]
    [InlineData("loadModule-memoises")]
    [InlineData("cleanModuleCache-then-load")]
    [InlineData("cleanAllModulesCache-then-load")]
    public async Task S6_4_module_is_evaluated_once_even_after_cleaning(string example) =>
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, example)).ShouldBe("""{"same":true,"evaluations":1}""");

    [Fact]
    public async Task S6_4_loadModule_of_a_missing_path_throws_MODULE_NOT_FOUND() =>
        (await BzUtilExamples.ThrownAsync(fixture.Runtime, Action, "loadModule-missing-path"))["code"]!.GetValue<string>().ShouldBe("MODULE_NOT_FOUND");
}
