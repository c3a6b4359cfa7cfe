using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Hub.Tests.Configuration;
using Patchbay.Hub.Tests.Invocations;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Faults;

/// <summary>
/// The connector fault tests install through the API: one action "call" that delivers the side effect of its
/// input <c>tag</c> (<see cref="SideEffects"/>), sending along its password-mode parameter <c>secret</c>, so a test
/// proves that the stored secret still decrypts after a fault.
/// </summary>
internal static class FaultConnector
{
    public const string Environment = "Test";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Uploads the connector and stores <paramref name="secret"/> for the Test environment; returns its name.</summary>
    public static async Task<string> InstallAsync(this HttpClient admin, SideEffects remote, string secret)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var name = "Faults " + Guid.NewGuid().ToString("N")[..8];
        using (var upload = await admin.UploadAsync(Package(remote, name)))
        {
            upload.StatusCode.ShouldBe(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync(Cancel));
        }

        using var configure = await admin.PutAsJsonAsync(ConfigTestConnector.ConfigUri(name, Environment), new { connectorParameters = new { secret } }, Cancel);
        configure.IsSuccessStatusCode.ShouldBeTrue(await configure.Content.ReadAsStringAsync(Cancel));
        return name;
    }

    public static ConnectorPackage Package(SideEffects remote, string name)
    {
        ArgumentNullException.ThrowIfNull(remote);
        return new TestConnector { Name = name }
            .Parameters(new ConnectorParameter { Name = "secret", PasswordMode = true })
            .Invoke("call", remote.DeliverCode(), inputs: [new DataNode { Name = "tag", Type = DataType.String, IsRequired = true }], outputs: [new DataNode { Name = "applied", Type = DataType.String }])
            .Build();
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient admin, ConnectorPackage package)
    {
        ArgumentNullException.ThrowIfNull(admin);
        using var content = new ByteArrayContent(BizcWriter.ToBytes(package));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await admin.PostAsync(new Uri("/api/v1/connectors", UriKind.Relative), content, Cancel);
    }

    /// <summary>The request body of an invocation that delivers <paramref name="tag"/>'s effect.</summary>
    public static object Body(string tag, int attempts = 1) => new { environment = Environment, inputs = new { tag }, retry = new { attempts, backoffSeconds = 0 } };

    public static string NewTag() => Guid.NewGuid().ToString("N");

    /// <summary>A sync invocation that must succeed (the tag's first delivery is released at once); returns its invocation id.</summary>
    public static async Task<Guid> InvokeOkAsync(this HttpClient client, SideEffects remote, string name)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var tag = NewTag();
        remote.Release(tag);
        using var response = await client.InvokeAsync(name, new { environment = Environment, inputs = new { tag } });
        var body = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var answer = await response.JsonAsync();
        answer["success"]!.GetValue<bool>().ShouldBeTrue(body);
        return Guid.Parse(answer["invocationId"]!.ToString());
    }

    /// <summary>Accepts an async job and returns its id.</summary>
    public static async Task<Guid> AcceptAsync(this HttpClient client, string name, object body)
    {
        using var accepted = await client.InvokeAsync(name, body, query: "?mode=async");
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync(Cancel));
        return Guid.Parse((await accepted.JsonAsync())["jobId"]!.ToString());
    }

    /// <summary>The invocations of a job in the history, through the API.</summary>
    public static async Task<List<(int Attempt, string Outcome)>> JobInvocationsAsync(this HttpClient client, Guid jobId)
    {
        var page = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(new Uri($"/api/v1/invocations?jobId={jobId}", UriKind.Relative), Cancel);
        return [.. page!["items"]!.AsArray().Select(i => (i!["attempt"]!.GetValue<int>(), i["outcome"]!.ToString())).OrderBy(i => i.Item1)];
    }

    /// <summary>Reads a problem document answer: its status and detail.</summary>
    public static async Task<string> ProblemDetailAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        return System.Text.Json.Nodes.JsonNode.Parse(text)!["detail"]!.ToString();
    }
}
