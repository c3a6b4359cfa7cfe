using Patchbay.Runtime.Invocation;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Runtime.Tests.Rest;

/// <summary>TLS verification stays on (unlike Bizagi's engine), extra CAs are trusted, and the platform proxy is used.</summary>
public sealed class TransportTests : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "patchbay-rest-net-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ForwardProxy _proxy = new();
    private readonly RestApiServer _http = new();
    private RestApiServer _https = null!;
    private string _caFile = "";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        var (ca, certificate) = TestCertificates.Create();
        _caFile = Path.Combine(_work, "ca.pem");
        await File.WriteAllTextAsync(_caFile, ca.ExportCertificatePem());
        _https = new RestApiServer { Certificate = certificate };
        await _https.InitializeAsync();
        await _http.InitializeAsync();
        await _proxy.InitializeAsync();
        _https.Answer("/secure", 200, """{"secure":true}""");
        _http.Answer("/plain", 200, """{"plain":true}""");
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _https.DisposeAsync();
        await _http.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private async Task<InvocationResult> RunAsync(string baseUri, string path, bool withCa = false, bool withProxy = false)
    {
        var options = new RuntimeOptions
        {
            WorkFolder = _work,
            ExtraCaCertificatesFile = withCa ? _caFile : null,
            Proxy = withProxy ? _proxy.Url : null,
        };
        await using var runtime = await ConnectorRuntime.CreateAsync(options, TestContext.Current.CancellationToken);
        return await runtime.RunAsync(new RestConnector(baseUri).Action("get", RestConnector.Get(path)).Build(), "get");
    }

    [Fact]
    public async Task AnUntrustedCertificate_IsRefusedAsAConnectionError()
    {
        var result = await RunAsync(_https.Url, "/secure");

        result.Outcome.ShouldBe(InvocationOutcome.ConnectorReportedFailure);
        result.StatusCode().ShouldBe(400);
        result.Envelope["response"]!["outputs"]!["error"]!["error"]!.GetValue<string>().ShouldBe("CONNECTION_ERROR");
        result.ErrorMessage().ShouldContain("certificate", Case.Insensitive);
        _https.To("/secure").ShouldBeEmpty();
    }

    [Fact]
    public async Task ACertificateFromAnExtraCa_IsAccepted()
    {
        var result = await RunAsync(_https.Url, "/secure", withCa: true);

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        result.Output()!["secure"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Https_GoesThroughTheProxyWithConnect()
    {
        var result = await RunAsync(_https.Url, "/secure", withCa: true, withProxy: true);

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        _proxy.RequestLines.ShouldContain($"CONNECT {new Uri(_https.Url).Authority}");
    }

    [Fact]
    public async Task Http_GoesThroughTheProxyWithAnAbsoluteUri()
    {
        var result = await RunAsync(_http.Url, "/plain", withProxy: true);

        result.Outcome.ShouldBe(InvocationOutcome.Succeeded, result.FailureMessage);
        _proxy.RequestLines.ShouldContain($"GET {_http.Url}/plain");
    }
}
