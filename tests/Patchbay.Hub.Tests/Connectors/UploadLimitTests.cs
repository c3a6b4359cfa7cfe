using System.Net;
using Patchbay.Hub.Tests.Support;
using static Patchbay.Hub.Tests.Connectors.ConnectorUploads;

namespace Patchbay.Hub.Tests.Connectors;

/// <summary>A hub whose upload limit is small (2 MiB, above the 1 MiB limit of other requests), so its edges are cheap to test.</summary>
public sealed class SmallUploadHub : HubFixture
{
    public const int MaxUploadBytes = 2 * 1024 * 1024;

    public override string Engine => "sqlite";

    protected override Task<HubOptions> ConfigureAsync(HubOptions options) => Task.FromResult(options with { MaxUploadBytes = MaxUploadBytes });
}

public sealed class UploadLimitTests(SmallUploadHub hub) : HubTests(hub), IClassFixture<SmallUploadHub>
{
    [Fact]
    public async Task An_upload_above_the_general_request_limit_but_within_the_upload_limit_is_read()
    {
        var bytes = ZipOfSize((int)(Hub.Options.MaxRequestBytes + (512 * 1024)));

        var response = await Hub.Admin.UploadAsync(bytes);

        // Read in full and found to be no connector, rather than cut off at the general limit.
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Cancel));
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("neither a .bizc");
    }

    [Fact]
    public async Task An_upload_above_the_upload_limit_is_refused_with_413()
    {
        var bytes = ZipOfSize(SmallUploadHub.MaxUploadBytes + 1024);

        var raw = await SendAwaitingContinueAsync(new ByteArrayContent(bytes));
        var form = await SendAwaitingContinueAsync(new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "big.bizc" } });

        raw.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await raw.Content.ReadAsStringAsync(Cancel)).ShouldContain("\"status\":413");
        form.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>
    /// Sends with <c>Expect: 100-continue</c>, as curl does for large bodies: the hub refuses on the declared length
    /// before the body is sent, so the answer is never lost to a connection closed mid-upload.
    /// </summary>
    private Task<HttpResponseMessage> SendAwaitingContinueAsync(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ConnectorsUri) { Content = content };
        request.Headers.ExpectContinue = true;
        return Hub.Admin.SendAsync(request, Cancel);
    }
}
