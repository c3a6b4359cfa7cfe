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
        _http.Answer("/big", 200, "[" + string.Join(',', Enumerable.Repeat("\"0123456789\"", 500)) + "]");
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _https.DisposeAsync();
        await _http.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private async Task<InvocationResult> RunAsync(string baseUri, string path, bool withCa = false, bool withProxy = false, long maxResponseBytes = 1 << 20)
    {
        var options = new RuntimeOptions
        {
            WorkFolder = _work,
            ExtraCaCertificatesFile = withCa ? _caFile : null,
            Proxy = withProxy ? _proxy.Url : null,
            MaxResponseBytes = maxResponseBytes,
        };
        await using var runtime = await ConnectorRuntime.CreateAsync(options, TestContext.Current.CancellationToken);
        var get = RestConnector.Get(path) with { Retry = new() { InitialDelay = TimeSpan.FromMilliseconds(10) } };
        return await runtime.RunAsync(new RestConnector(baseUri).Action("get", get).Build(), "get");
    }

    [Fact]
    public async Task AResponseOverTheSizeLimit_FailsOnceWithoutRetrying()
    {
        var result = await RunAsync(_http.Url, "/big", maxResponseBytes: 1000);

        result.Outcome.ShouldBe(InvocationOutcome.ConnectorReportedFailure);
        result.IsTransient.ShouldBeFalse();
        result.Envelope["response"]!["outputs"]!["error"]!["error"]!.GetValue<string>().ShouldBe("CONNECTION_ERROR");
        result.ErrorMessage().ShouldContain("1000");
        _http.To("/big").Count.ShouldBe(1);
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
