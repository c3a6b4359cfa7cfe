using Patchbay.Compat.Tests.Support;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Compat.Tests.Styles;

/// <summary>bizagi-compat §5.1, the entry point: connectors/entry-points, each action one form of <c>invoke</c>.</summary>
public sealed class S5_1_EntryPointTests(CompatRuntime fixture) : IClassFixture<CompatRuntime>
{
    private static readonly Patchbay.Core.Model.ConnectorPackage Connector = CompatConnectors.Source("entry-points");

    private Task<InvocationResult> RunAsync(string action, string inputs) =>
        fixture.Runtime.RunAsync(Connector, action, inputs, request => request with
        {
            ProjectName = "bz",
            ConnectorParameters = new Dictionary<string, string> { ["region"] = "eu-west" },
            AuthenticationParameters = new Dictionary<string, string> { ["user"] = "ada", ["apiKey"] = "k-123456" },
        });

    [Fact]
    public async Task S5_1_editor_template_receives_all_six_parameters_after_the_custom_authenticator()
    {
        var result = await RunAsync("editor-template", """{"name":"Ada","count":3}""");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        Json.Text(result.Envelope).ShouldBe(Json.Success("""{"actionName":"editor-template","authenticationType":"custom","projectname":"bz","region":"eu-west","user":"ada","token":"tok-ada","name":"Ada","count":3,"logMethods":"debug,info,warn,error,trace","logEnabled":false,"notInTheOutputTree":true}"""));
        Json.Text(result.ShapedOutput).ShouldBe("""{"actionName":"editor-template","authenticationType":"custom","projectname":"bz","region":"eu-west","user":"ada","token":"tok-ada","name":"Ada","count":3,"logMethods":"debug,info,warn,error,trace","logEnabled":false}""");
    }

    [Fact]
    public async Task S5_1_bound_invoke_with_deps_first_and_renamed_logger_and_callback()
    {
        var result = await RunAsync("bound-deps", """{"name":"Ada"}""");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        Json.Text(result.Envelope).ShouldBe(Json.Success("""{"greeting":"Hello, Ada","actionName":"bound-deps","authenticationType":"custom"}"""));
    }

    [Fact]
    public async Task S5_1_invoke_of_any_arity_gets_the_six_arguments()
    {
        var result = await RunAsync("arity-free", """{"name":"Ada"}""");

        Json.Text(result.Envelope).ShouldBe(Json.Success("""{"arity":0,"argumentCount":6,"name":"Ada"}"""));
        Json.Text(result.ShapedOutput).ShouldBe("""{"arity":0,"argumentCount":6,"name":"Ada"}""");
    }
}
