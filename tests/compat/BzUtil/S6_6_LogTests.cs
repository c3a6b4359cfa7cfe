using Patchbay.Compat.Tests.Support;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Compat.Tests.BzUtil;

/// <summary>
/// bizagi-compat §6.6, LOG(logname, enabled). Lines come back in the invocation's Logs instead of log4js files, and
/// console is left alone (documented deviation: runtime.md "Patchbay's bz-util", bz-util/README.md).
/// </summary>
public sealed class S6_6_LogTests(CompatRuntime fixture) : IClassFixture<CompatRuntime>
{
    private const string Action = "s6-6-log";

    [Fact]
    public async Task S6_6_disabled_logger_is_a_no_op_with_isEnabled_false()
    {
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "action-logger")).ShouldBe("""{"isEnabled":false,"methods":"debug,error,info,trace,warn"}""");
        var result = await BzUtilExamples.RunWithLogsAsync(fixture.Runtime, Action, "disabled-logger", enableLog: true);
        Json.Text(result.Output()!["value"]).ShouldBe("""{"isEnabled":false,"methods":"debug,error,info,trace,warn"}""");
        result.Logs.ShouldBeEmpty();
    }

    [Fact]
    public async Task S6_6_enabled_logger_has_debug_error_info_warn_trace_and_no_fatal()
    {
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "action-logger", enableLog: true)).ShouldBe("""{"isEnabled":true,"methods":"debug,error,info,trace,warn"}""");
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "enabled-by-text-true")).ShouldBe("""{"isEnabled":true,"methods":"debug,error,info,trace,warn"}""");
        (await BzUtilExamples.ValueAsync(fixture.Runtime, Action, "same-logger-per-name")).ShouldBe("true");
    }

    [Fact]
    public async Task S6_6_message_rendering()
    {
        var result = await BzUtilExamples.RunWithLogsAsync(fixture.Runtime, Action, "rendering", enableLog: true);

        result.Logs.Select(l => (l.Level, l.Text)).ShouldBe(
        [
            ("INFO", """a1{"b":2}boomnull"""),
            ("INFO", "undefined"),
            ("INFO", """{"b":2}"""),
            ("INFO", "42"),
            ("INFO", "{}"),
            ("WARN", "warned"),
            ("ERROR", "failed"),
        ]);
    }

    [Fact]
    public async Task S6_6_level_is_levelLog_upper_cased()
    {
        var result = await BzUtilExamples.RunWithLogsAsync(fixture.Runtime, Action, "levels-below-levelLog", enableLog: true);

        result.Logs.Select(l => (l.Level, l.Text)).ShouldBe([("INFO", "i")]);
    }

    [Fact]
    public async Task S6_6_console_is_not_replaced_in_Patchbay()
    {
        var result = await BzUtilExamples.RunWithLogsAsync(fixture.Runtime, Action, "console-left-alone", enableLog: true);

        result.Logs.Select(l => l.Text).ShouldBe(["only this"]);
    }

    [Fact]
    public async Task S6_6_enabled_without_a_project_name_throws_the_required_param_response()
    {
        var thrown = await BzUtilExamples.ThrownAsync(fixture.Runtime, Action, "no-project-name");

        Json.Text(thrown).ShouldBe(Json.Failure(-400, "The Parameter -globals.projectname- is required"));
    }
}
