using Patchbay.Compat.Tests.Support;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Compat.Tests.BzUtil;

/// <summary>bizagi-compat §6.8, config: etc/config.js extended with the runtime's fixed defaults.</summary>
public sealed class S6_8_ConfigTests(CompatRuntime fixture) : IClassFixture<CompatRuntime>
{
    private const string Action = "s6-8-config";

    [Fact]
    public async Task S6_8_runtime_defaults() =>
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "runtime-keys")).ShouldBe("""{"schema":"http","server":"localhost","port":16541,"maxRequestLengthSize":"10mb","clusterWorkerNumber":"auto","nodeJSExecutablePath":"C:\\BizagiJEE\\nodejs\\0.12.5\\node.exe","forceEnableLogger":false}""");

    [Fact]
    public async Task S6_8_keys_of_etc_config_js_are_kept_in_the_same_object()
    {
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "etc-config-keys")).ShouldBe("""{"logFileName":"bz-util-examples","levelLog":"info","logType":"file","backingDownConfigFile":"../../../../","backingDownLogDirectory":"../../../../../../../"}""");
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "same-object-as-etc-config")).ShouldBe("true");
    }

    [Fact]
    public async Task S6_8_logsPath_is_backingDownLogDirectory_from_bz_util_plus_Temporary_Connectors() =>
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "logsPath-from-the-connector")).ShouldBe("\"../../../../../Temporary/Connectors/\"");
}

/// <summary>
/// bizagi-compat §6.8 and §6.6 with a config.properties, which Patchbay reads from &lt;work folder&gt;/platform
/// (documented: runtime.md): its keys override the defaults, and forceEnableLogger turns LOG on for every call.
/// </summary>
public sealed class S6_8_ConfigPropertiesTests(ConfiguredRuntime fixture) : IClassFixture<ConfiguredRuntime>
{
    [Fact]
    public async Task S6_8_config_properties_overrides_the_runtime_keys_as_text()
    {
        (await BzUtilExamples.ValueAsync(fixture.Runtime, "s6-8-config", "runtime-keys")).ShouldBe("""{"schema":"http","server":"bizagi.local","port":"16542","maxRequestLengthSize":"10mb","clusterWorkerNumber":"auto","nodeJSExecutablePath":"C:\\BizagiJEE\\nodejs\\0.12.5\\node.exe","forceEnableLogger":"true"}""");
        (await BzUtilExamples.ValueAsync(fixture.Runtime, "s6-8-config", "logsPath")).ShouldBe(Json.Quote(ConfiguredRuntime.LogsDirectory));
    }

    [Fact]
    public async Task S6_6_forceEnableLogger_turns_LOG_on_without_enablelog()
    {
        var result = await BzUtilExamples.RunWithLogsAsync(fixture.Runtime, "s6-6-log", "levels-below-levelLog", enableLog: false);

        Json.Text(result.Output()!["value"]).ShouldBe("\"logged\"");
        result.Logs.Select(l => (l.Level, l.Text)).ShouldBe([("INFO", "i")]);
    }
}
