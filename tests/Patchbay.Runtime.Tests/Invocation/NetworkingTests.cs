using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Invocation;

/// <summary>The platform proxy and extra CAs apply to every HTTP library connector code uses.</summary>
[Trait("Category", "Integration")]
public sealed class NetworkingTests(NpmLibraries libraries) : IClassFixture<NpmLibraries>, IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "patchbay-net-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ForwardProxy _proxy = new();
    private LoopbackServer _https = null!;
    private LoopbackServer _http = null!;
    private string _caFile = "";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        var (ca, server) = TestCertificates.Create();
        _caFile = Path.Combine(_work, "ca.pem");
        await File.WriteAllTextAsync(_caFile, ca.ExportCertificatePem());
        _https = new LoopbackServer { Certificate = server };
        _http = new LoopbackServer();
        await _https.InitializeAsync();
        await _http.InitializeAsync();
        await _proxy.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _https.DisposeAsync();
        await _http.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Theory]
    [InlineData("request")]
    [InlineData("axios")]
    [InlineData("node-rest-client")]
    [InlineData("https-module")]
    [InlineData("fetch")]
    public async Task Https_ThroughTheProxyWithTheExtraCa_Works(string library)
    {
        await using var runtime = await CreateRuntimeAsync(withProxy: true, withCa: true);

        var result = await runtime.RunAsync(Connector(), library, $$"""{"url":"{{_https.Url}}/secure"}""");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage + " " + result.Envelope.ToJsonString());
        result.Output()!["path"]!.GetValue<string>().ShouldBe("/secure");
        _proxy.RequestLines.ShouldContain($"CONNECT {new Uri(_https.Url).Authority}");
    }

    [Theory]
    [InlineData("request")]
    [InlineData("axios")]
    [InlineData("node-rest-client")]
    [InlineData("https-module")]
    [InlineData("fetch")]
    public async Task Http_ThroughTheProxy_UsesAnAbsoluteUri(string library)
    {
        await using var runtime = await CreateRuntimeAsync(withProxy: true, withCa: false);
        var url = $"{_http.Url}/plain-{library}";

        var result = await runtime.RunAsync(Connector(), library, $$"""{"url":"{{url}}"}""");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage + " " + result.Envelope.ToJsonString());
        _proxy.RequestLines.ShouldContain(line => line.EndsWith(url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Https_WithoutTheExtraCa_FailsVerification()
    {
        await using var runtime = await CreateRuntimeAsync(withProxy: false, withCa: false);

        var result = await runtime.RunAsync(Connector(), "axios", $$"""{"url":"{{_https.Url}}/secure"}""");

        result.Outcome.ShouldBe(InvocationOutcome.ConnectorReportedFailure);
        result.ErrorMessage().ShouldContain("certificate");
    }

    [Fact]
    public async Task NoProxyHost_GoesDirect()
    {
        await using var runtime = await ConnectorRuntime.CreateAsync(Options(true, false) with { NoProxy = ["127.0.0.1"] }, TestContext.Current.CancellationToken);
        var url = $"{_http.Url}/direct";

        var result = await runtime.RunAsync(Connector(), "axios", $$"""{"url":"{{url}}"}""");

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        _proxy.RequestLines.ShouldNotContain(line => line.EndsWith(url, StringComparison.Ordinal));
    }

    private Task<ConnectorRuntime> CreateRuntimeAsync(bool withProxy, bool withCa) =>
        ConnectorRuntime.CreateAsync(Options(withProxy, withCa), TestContext.Current.CancellationToken);

    private RuntimeOptions Options(bool withProxy, bool withCa) => new()
    {
        WorkFolder = Path.Combine(_work, "runtime-" + Guid.NewGuid().ToString("N")[..6]),
        Proxy = withProxy ? _proxy.Url : null,
        ExtraCaCertificatesFile = withCa ? _caFile : null,
    };

    private ConnectorPackage Connector()
    {
        const string Done = "function (err, body, status) { if (err) { return callback(RESPONSE(null, { error: 'E', message: String(err && err.message || err), status: 500 }, 500, String(err && err.message || err))); } callback(RESPONSE(body, null, status)); }";
        ValueList<DataNode> url = [DataNode.Leaf("url", DataType.String)];
        return new TestConnector()
            .Invoke("request", $"var done = {Done}; require('request')({{ url: data.inputs.input.url, json: true }}, function (e, res, body) {{ done(e, body, res && res.statusCode); }});", url)
            .Invoke("axios", $"var done = {Done}; require('axios').get(data.inputs.input.url).then(function (res) {{ done(null, res.data, res.status); }}, function (e) {{ done(e); }});", url)
            .Invoke("node-rest-client", $"var done = {Done}; var Client = require('node-rest-client').Client; new Client().get(data.inputs.input.url, function (body, res) {{ done(null, body, res.statusCode); }}).on('error', function (e) {{ done(e); }});", url)
            .Invoke("https-module", $$"""
                var done = {{Done}};
                var target = data.inputs.input.url;
                var mod = target.indexOf('https:') === 0 ? require('https') : require('http');
                mod.get(target, function (res) { var text = ''; res.on('data', function (c) { text += c; }); res.on('end', function () { done(null, JSON.parse(text), res.statusCode); }); }).on('error', function (e) { done(e); });
                """, url)
            .Invoke("fetch", $"var done = {Done}; fetch(data.inputs.input.url).then(function (res) {{ return res.json().then(function (body) {{ done(null, body, res.status); }}); }}).catch(function (e) {{ done(e.cause || e); }});", url)
            .Files(libraries.Files)
            .Build();
    }
}
