using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Invocation;

[Trait("Category", "Integration")]
public sealed class HttpLibrariesTests(RuntimeFixture fixture, NpmLibraries libraries, LoopbackServer server)
    : IClassFixture<RuntimeFixture>, IClassFixture<NpmLibraries>, IClassFixture<LoopbackServer>
{
    private ConnectorPackage Connector() => new TestConnector()
        .Parameters(new ConnectorParameter { Name = "baseUrl" })
        .Auth("callback(RESPONSE({ authorizationheader: 'Bearer ' + globals.authdata.token }, null, 200));", new ConnectorParameter { Name = "token", PasswordMode = true })
        .Invoke("with-request", """
            var request = bizagiUtil.REQUIRED('request');
            request.post({ url: globals.systemproperties.baseUrl + '/request', json: { n: data.inputs.input.n }, headers: { Authorization: globals.authdata.authorizationheader } },
              function (err, res, body) { if (err) { return callback(RESPONSE(null, { error: 'E', message: err.message, status: 500 }, 500)); } callback(RESPONSE(body, null, res.statusCode)); });
            """, inputs: [DataNode.Leaf("n", DataType.Integer)])
        .Invoke("with-axios", """
            var axios = require('axios');
            axios.get(globals.systemproperties.baseUrl + '/axios', { headers: { Authorization: globals.authdata.authorizationheader } })
              .then(function (res) { callback(RESPONSE(res.data, null, res.status)); })
              .catch(function (err) { callback(RESPONSE(null, { error: 'E', message: err.message, status: 500 }, 500)); });
            """)
        .Invoke("with-node-rest-client", """
            var Client = bizagiUtil.REQUIRED('node-rest-client').Client;
            new Client().put(globals.systemproperties.baseUrl + '/nrc', { data: { a: 1 }, headers: { 'Content-Type': 'application/json', Authorization: globals.authdata.authorizationheader } },
              function (body, res) { callback(RESPONSE(body, null, res.statusCode)); }).on('error', function (err) { callback(RESPONSE(null, { error: 'E', message: err.message, status: 500 }, 500)); });
            """)
        .Invoke("with-fetch", """
            fetch(globals.systemproperties.baseUrl + '/fetch', { method: 'DELETE', headers: { Authorization: globals.authdata.authorizationheader } })
              .then(function (res) { return res.json().then(function (body) { callback(RESPONSE(body, null, res.status)); }); })
              .catch(function (err) { callback(RESPONSE(null, { error: 'E', message: String(err), status: 500 }, 500)); });
            """)
        .Files(libraries.Files)
        .Build();

    [Theory]
    [InlineData("with-request", """{"n":7}""", "POST", "/request")]
    [InlineData("with-axios", null, "GET", "/axios")]
    [InlineData("with-node-rest-client", null, "PUT", "/nrc")]
    [InlineData("with-fetch", null, "DELETE", "/fetch")]
    public async Task Library_CallsALoopbackServer(string action, string? inputs, string method, string path)
    {
        var result = await fixture.Runtime.RunAsync(Connector(), action, inputs, r => r with
        {
            ConnectorParameters = new Dictionary<string, string> { ["baseUrl"] = server.Url },
            AuthenticationParameters = new Dictionary<string, string> { ["token"] = "tok" },
        });

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        result.Output()!.ToJsonString().ShouldBe($$"""{"method":"{{method}}","path":"{{path}}","auth":"Bearer tok"}""");
        var call = result.HttpCalls.ShouldHaveSingleItem();
        (call.Method, call.Url, call.Status).ShouldBe((method, server.Url + path, 200));
        if (action != "with-fetch")
        {
            call.ResponseBytes.ShouldBeGreaterThan(0); // fetch reports only a Content-Length, and this server sends chunks
        }
    }

    [Fact]
    public async Task Trace_PlacesEachCallAtItsStartSoParallelCallsOverlap()
    {
        var connector = new TestConnector()
            .Parameters(new ConnectorParameter { Name = "baseUrl" })
            .Invoke("fan-out", """
                var http = require('http');
                function get(path) { return new Promise(function (done) { http.get(globals.systemproperties.baseUrl + path, function (res) { res.resume(); res.on('end', done); }); }); }
                Promise.all([get('/a'), get('/b')]).then(function () { return get('/c'); }).then(function () { callback(RESPONSE({}, null, 200)); });
                """)
            .Build();

        var result = await fixture.Runtime.RunAsync(connector, "fan-out", edit: r => r with { ConnectorParameters = new Dictionary<string, string> { ["baseUrl"] = server.Url } });

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        var calls = result.HttpCalls.ToDictionary(c => new Uri(c.Url).AbsolutePath);
        double Start(string path) => calls[path].StartMilliseconds!.Value;
        double End(string path) => Start(path) + calls[path].DurationMilliseconds;
        Start("/b").ShouldBeLessThan(End("/a")); // issued together: they overlap
        Start("/a").ShouldBeLessThan(End("/b"));
        Start("/c").ShouldBeGreaterThanOrEqualTo(Math.Max(End("/a"), End("/b")) - 1); // after both; hrtime and 'end' differ by well under 1 ms
        Start("/a").ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Trace_MasksSecretsInUrls()
    {
        var connector = new TestConnector()
            .Auth("callback(RESPONSE({}, null, 200));", new ConnectorParameter { Name = "apiToken", PasswordMode = true })
            .Invoke("leaky", """
                var url = globals.systemproperties.baseUrl.replace('http://', 'http://user:pw@') + '/q?api_key=k1&q=' + globals.authdata.apiToken;
                require('http').get(url, function (res) { res.resume(); res.on('end', function () { callback(RESPONSE({}, null, 200)); }); });
                """)
            .Parameters(new ConnectorParameter { Name = "baseUrl" })
            .Build();

        var result = await fixture.Runtime.RunAsync(connector, "leaky", edit: r => r with
        {
            ConnectorParameters = new Dictionary<string, string> { ["baseUrl"] = server.Url },
            AuthenticationParameters = new Dictionary<string, string> { ["apiToken"] = "sekrit-value" },
        });

        result.HttpCalls.ShouldHaveSingleItem().Url.ShouldBe(server.Url + "/q?api_key=********&q=********");
    }
}
