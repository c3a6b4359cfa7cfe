using Patchbay.Compat.Tests.Support;

namespace Patchbay.Compat.Tests.BzUtil;

/// <summary>bizagi-compat §6.7, autotesting, off: no data files in the platform folder.</summary>
public sealed class S6_7_AutotestingOffTests(CompatRuntime fixture) : IClassFixture<CompatRuntime>
{
    [Fact]
    public async Task S6_7_off_without_the_data_files()
    {
        (await BzUtilExamples.ValueAsync(fixture.Runtime, "s6-7-autotesting", "isAutotestingEnable")).ShouldBe("false");
        (await BzUtilExamples.ValueAsync(fixture.Runtime, "s6-7-autotesting", "getResponse-flag")).ShouldBe("false");
    }
}

/// <summary>
/// bizagi-compat §6.7, autotesting, on: inputData.json, outputData.json and errorData.json in the shared autotesting
/// folder, which Patchbay keeps in &lt;work folder&gt;/platform/autotesting (documented: runtime.md).
/// </summary>
public sealed class S6_7_AutotestingOnTests(AutotestingRuntime fixture) : IClassFixture<AutotestingRuntime>
{
    private const string Action = "s6-7-autotesting";

    [Fact]
    public async Task S6_7_on_when_all_three_data_files_exist_and_they_are_read_as_JSON()
    {
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "isAutotestingEnable")).ShouldBe("true");
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "data-files")).ShouldBe("""{"input":{"in":1},"output":{"out":2},"error":{"err":3}}""");
    }

    [Fact]
    public async Task S6_7_every_getResponse_says_autotestingenabled_true()
    {
        var result = await BzUtilExamples.RunWithLogsAsync(fixture.Runtime, Action, "getResponse-flag");

        Json.Text(result.Envelope).ShouldBe(Json.Success("""{"value":true,"type":"boolean"}""", autotesting: true));
    }

    [Fact]
    public async Task S6_7_REQUIRED_loads_the_mock_from_the_connectors_autotesting_folder() =>
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "REQUIRED-loads-the-mock")).ShouldBe("""{"kind":"mock","padded":"[mock]7"}""");

    [Fact]
    public async Task S6_7_off_again_when_one_data_file_is_missing()
    {
        var errorData = Path.Combine(fixture.PlatformFolder, "autotesting", "errorData.json");
        File.Move(errorData, errorData + ".away");
        try
        {
            (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "isAutotestingEnable")).ShouldBe("false");
        }
        finally
        {
            File.Move(errorData + ".away", errorData);
        }
    }
}
