using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Invocation;

public sealed class CallSequenceTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>
{
    private ConnectorRuntime Runtime => fixture.Runtime;

    [Fact]
    public async Task Invoke_EchoAction_ReturnsTheEnvelopeAsTheCodeMadeIt()
    {
        var connector = new TestConnector()
            .Invoke("echo", "callback(RESPONSE({ got: data.inputs.input.name, extra: 1 }, null, 200));",
                inputs: [DataNode.Leaf("name", DataType.String)], outputs: [DataNode.Leaf("got", DataType.String)])
            .Build();

        var result = await Runtime.RunAsync(connector, "echo", """{"name":"Ada"}""");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded);
        result.Envelope.ToJsonString().ShouldBe("""{"response":{"outputs":{"output":{"got":"Ada","extra":1},"error":{}}},"success":true,"connectorstatuscode":200,"errormessage":"","autotestingenabled":false}""");
        result.ShapedOutput!.ToJsonString().ShouldBe("""{"got":"Ada"}""");
    }

    [Fact]
    public async Task Invoke_Globals_CarryParametersAsStringsAndTheProjectName()
    {
        var connector = new TestConnector()
            .Parameters(new ConnectorParameter { Name = "baseUrl" })
            .Invoke("globals", "callback(RESPONSE(globals, null, 200));")
            .Build();

        var result = await Runtime.RunAsync(connector, "globals", edit: r => r with
        {
            ConnectorParameters = new Dictionary<string, string> { ["baseUrl"] = "http://x" },
            ProjectName = "acme",
        });

        result.Output()!.ToJsonString().ShouldBe("""{"systemproperties":{"baseUrl":"http://x"},"authdata":{},"projectname":"acme"}""");
    }

    [Fact]
    public async Task Invoke_ParameterDefaults_FillOnlyTheValuesTheRequestLeavesOutOrEmpty()
    {
        var connector = new TestConnector()
            .Parameters(new ConnectorParameter { Name = "region", DefaultValue = "eu" }, new ConnectorParameter { Name = "tier", DefaultValue = "free" }, new ConnectorParameter { Name = "zone", DefaultValue = "a" })
            .Invoke("globals", "callback(RESPONSE(globals.systemproperties, null, 200));")
            .Build();

        var result = await Runtime.RunAsync(connector, "globals", edit: r => r with { ConnectorParameters = new Dictionary<string, string> { ["tier"] = "gold", ["zone"] = "" } });

        result.Output()!.ToJsonString().ShouldBe("""{"tier":"gold","zone":"a","region":"eu"}""");
    }

    [Fact]
    public async Task Invoke_CustomAuth_RunsFirstAndItsOutputIsMergedIntoAuthdata()
    {
        var connector = new TestConnector()
            .Auth("callback(RESPONSE({ authorizationheader: 'Bearer ' + globals.authdata.TOKEN }, null, 200));", new ConnectorParameter { Name = "TOKEN" })
            .Invoke("whoami", "callback(RESPONSE({ header: globals.authdata.authorizationheader, token: globals.authdata.TOKEN, type: authenticationType }, null, 200));")
            .Build();

        var result = await Runtime.RunAsync(connector, "whoami", edit: r => r with { AuthenticationParameters = new Dictionary<string, string> { ["TOKEN"] = "t1" } });

        result.Output()!.ToJsonString().ShouldBe("""{"header":"Bearer t1","token":"t1","type":"custom"}""");
    }

    [Fact]
    public async Task Invoke_FailedAuthentication_StopsTheCallAndIsReturnedAsIs()
    {
        var connector = new TestConnector()
            .Auth("callback(RESPONSE(null, { error: 'AUTH', message: 'bad token', status: 401 }, 401, 'bad token'));")
            .Invoke("never", "callback(RESPONSE({ ran: true }, null, 200));")
            .Build();

        var result = await Runtime.RunAsync(connector, "never");

        result.Outcome.ShouldBe(InvocationOutcome.AuthenticationFailed);
        result.StatusCode().ShouldBe(401);
        result.ErrorMessage().ShouldBe("bad token");
        result.Output()!.ToJsonString().ShouldBe("{}");
    }

    [Fact]
    public async Task Invoke_UnknownAction_IsMinus400()
    {
        var result = await Runtime.RunAsync(new TestConnector().Invoke("a", "callback(RESPONSE({}, null, 200));").Build(), "nope");

        result.Outcome.ShouldBe(InvocationOutcome.UnknownAction);
        result.StatusCode().ShouldBe(-400);
        result.ErrorMessage().ShouldBe("Unknown action: nope");
    }

    [Fact]
    public async Task Invoke_SynchronousException_IsMinus400WithTheExceptionText()
    {
        var connector = new TestConnector().Invoke("boom", "throw new Error('it broke');").Build();

        var result = await Runtime.RunAsync(connector, "boom");

        result.Outcome.ShouldBe(InvocationOutcome.ConnectorReportedFailure);
        result.StatusCode().ShouldBe(-400);
        result.ErrorMessage().ShouldBe("Exception Error, it broke, {}, location: test-connector.bizagiRouter.invokeAction");
    }

    [Fact]
    public async Task Invoke_MissingModule_IsMinus400AndDoesNotCrash()
    {
        var connector = new TestConnector().Invoke("needs", "var x = require('bz-util').REQUIRED('node-rest-client'); callback(RESPONSE({}, null, 200));").Build();

        var result = await Runtime.RunAsync(connector, "needs");

        result.StatusCode().ShouldBe(-400);
        result.ErrorMessage().ShouldStartWith("Exception Error, Cannot find module");
        result.ErrorMessage().ShouldNotContain("\n");
    }

    [Theory]
    [InlineData("function run(deps, globals, actionName, data, authenticationType, LOG, done) { done(RESPONSE({ deps: typeof deps }, null, 200)); }\nexports.invoke = run.bind(null, {});", """{"deps":"object"}""")]
    [InlineData("exports.invoke = async function (g, a, d, t, LOG, callback) { await new Promise(r => setTimeout(r, 5)); callback(RESPONSE({ async: true }, null, 200)); };", """{"async":true}""")]
    [InlineData("exports.invoke = function (g, a, d, t, LOG, callback) { callback(JSON.stringify(RESPONSE({ text: 1 }, null, 200))); };", """{"text":1}""")]
    [InlineData("exports.invoke = function (g, a, d, t, LOG, callback) { x = 41; x++; callback(RESPONSE({ x: x }, null, 200)); };", """{"x":42}""")]
    public async Task Invoke_BizagiVariants_AllWork(string code, string output)
    {
        var connector = new TestConnector().Action("variant", "var RESPONSE = require('bz-util').getResponse;\n" + code).Build();

        var result = await Runtime.RunAsync(connector, "variant");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        result.Output()!.ToJsonString().ShouldBe(output);
    }

    [Fact]
    public async Task Invoke_AsyncInvokeThatRejects_IsMinus400()
    {
        var connector = new TestConnector().Action("rejects", "exports.invoke = async function () { throw new Error('async boom'); };").Build();

        var result = await Runtime.RunAsync(connector, "rejects");

        result.StatusCode().ShouldBe(-400);
        result.ErrorMessage().ShouldContain("async boom");
    }

    [Fact]
    public async Task Invoke_SecondCallback_IsIgnored()
    {
        var connector = new TestConnector().Invoke("twice", "callback(RESPONSE({ n: 1 }, null, 200)); callback(RESPONSE({ n: 2 }, null, 200));").Build();

        var result = await Runtime.RunAsync(connector, "twice");

        result.Output()!.ToJsonString().ShouldBe("""{"n":1}""");
        (await Runtime.RunAsync(connector, "twice")).Output()!.ToJsonString().ShouldBe("""{"n":1}""");
    }

    [Fact]
    public async Task Invoke_BundledBzUtil_IsNeverLoaded()
    {
        var connector = new TestConnector()
            .File("node_modules/bz-util/package.json", """{"name":"bz-util","version":"9.9.9"}""")
            .File("node_modules/bz-util/index.js", "module.exports = { getResponse: function () { return { fake: true }; } };")
            .Invoke("which", "callback(RESPONSE({ keys: Object.keys(require('bz-util')).sort().join(',') }, null, 200));")
            .Build();

        var result = await Runtime.RunAsync(connector, "which");

        result.Output()!["keys"]!.GetValue<string>().ShouldBe("LOG,REQUIRED,autotesting,cleanAllModulesCache,cleanModuleCache,config,error,getResponse,loadModule,validator");
    }

    [Fact]
    public async Task Invoke_Log_LinesComeBackWithLevelsAndSecretsRedacted()
    {
        var connector = new TestConnector()
            .Auth("LOG.debug('token is ' + globals.authdata.password); callback(RESPONSE({}, null, 200));", new ConnectorParameter { Name = "password", PasswordMode = true })
            .Invoke("logs", "LOG.info(['hello ', { a: 1 }]); LOG.error([new Error('bad')]); callback(RESPONSE({}, null, 200));")
            .Build();

        var result = await Runtime.RunAsync(connector, "logs", edit: r => r with
        {
            EnableLog = true,
            AuthenticationParameters = new Dictionary<string, string> { ["password"] = "hunter22" },
        });

        result.Logs.Select(l => (l.Level, l.Text)).ShouldBe([("DEBUG", "token is ********"), ("INFO", "hello {\"a\":1}"), ("ERROR", "bad")]);
    }

    [Fact]
    public async Task Invoke_TokensFromTheAuthenticator_AreRedactedInLogs()
    {
        var connector = new TestConnector()
            .Auth("callback(RESPONSE({ access_token: 'tok-9f8e7d', authorizationheader: 'Bearer tok-9f8e7d' }, null, 200));")
            .Invoke("tell", "LOG.info('header: ' + globals.authdata.authorizationheader); callback(RESPONSE({}, null, 200));")
            .Build();

        var result = await Runtime.RunAsync(connector, "tell", edit: r => r with { EnableLog = true });

        result.Logs.ShouldHaveSingleItem().Text.ShouldBe("header: ********");
    }

    [Fact]
    public async Task Invoke_LogDisabled_WritesNoLines()
    {
        var connector = new TestConnector().Invoke("quiet", "LOG.info('x'); callback(RESPONSE({ enabled: LOG.isEnabled }, null, 200));").Build();

        var result = await Runtime.RunAsync(connector, "quiet");

        result.Logs.ShouldBeEmpty();
        result.Output()!.ToJsonString().ShouldBe("""{"enabled":false}""");
    }

    [Fact]
    public async Task Invoke_InvalidInputs_FailBeforeAnyCodeRuns()
    {
        var connector = new TestConnector()
            .Invoke("typed", "callback(RESPONSE({ ran: true }, null, 200));", inputs: [DataNode.Leaf("count", DataType.Integer, isRequired: true), DataNode.Leaf("when", DataType.Date)])
            .Build();

        var result = await Runtime.RunAsync(connector, "typed", """{"when":"yesterday","other":1}""");

        result.Outcome.ShouldBe(InvocationOutcome.InvalidInput);
        result.StatusCode().ShouldBe(-400);
        result.FailureMessage.ShouldNotBeNull();
        result.FailureMessage.ShouldContain("$.count");
        result.FailureMessage.ShouldContain("$.when");
        result.FailureMessage.ShouldContain("$.other");
    }
}
