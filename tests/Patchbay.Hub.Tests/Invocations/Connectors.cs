using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Core.Model;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;
using Patchbay.Hub.Tests.Support;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Invocations;

/// <summary>Set-up and calls the invocation and job tests share: installing test connectors straight through the catalog, invoking, waiting for jobs.</summary>
internal static class Connectors
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>An Easy REST connector with one action "call" that GETs <paramref name="path"/> of the remote API; returns its (unique) name.</summary>
    public static async Task<string> InstallRestAsync(this HubFixture hub, RemoteApi remote, string path)
    {
        var package = new RestConnector(remote.Url).Action("call", RestConnector.Get(path)).Build();
        var name = "Rest " + Guid.NewGuid().ToString("N")[..8];
        return await hub.InstallAsync(package with { Definition = package.Definition with { Name = name } });
    }

    public static async Task<string> InstallAsync(this HubFixture hub, ConnectorPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        await using var scope = hub.Hub.Services.CreateAsyncScope();
        var admin = new Caller(Guid.NewGuid(), "test", Roles.Admin, null);
        await scope.ServiceProvider.GetRequiredService<ConnectorCatalog>().InstallAsync(package, admin, Cancel);
        return package.Definition.Name;
    }

    public static Uri InvokeUri(string name, string action = "call", string? query = null) =>
        new($"/api/v1/connectors/{Uri.EscapeDataString(name)}/versions/1/actions/{action}/invoke{query}", UriKind.Relative);

    public static async Task<HttpResponseMessage> InvokeAsync(this HttpClient client, string name, object body, string? idempotencyKey = null, string? query = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, InvokeUri(name, query: query)) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request, Cancel);
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        (JsonObject)(await response.Content.ReadFromJsonAsync<JsonNode>(Cancel))!;

    /// <summary>Polls the job's status every 100 ms until it is done (at most 60 s).</summary>
    public static async Task<JsonObject> WaitForJobAsync(this HttpClient client, Guid jobId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = (await client.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/jobs/{jobId}", UriKind.Relative), Cancel))!;
            if (status["state"]!.GetValue<string>() is "succeeded" or "failed")
            {
                return status;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Job {jobId} is still {status["state"]} after 60 s: {status.ToJsonString()}");
            }

            await Task.Delay(100, Cancel);
        }
    }

    /// <summary>Stores parameter values of an environment straight in the database (the configuration API is another feature).</summary>
    public static async Task ConfigureAsync(this HubFixture hub, string connector, string environment, params (string Name, string Value, bool Secret)[] values)
    {
        await using var scope = hub.Hub.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var protector = scope.ServiceProvider.GetRequiredService<SecretProtector>();
        var connectorId = await db.Connectors.Where(c => c.Name == connector).Select(c => c.Id).SingleAsync(Cancel);
        db.ConnectorConfigs.Add(new ConnectorConfigRecord
        {
            Id = Guid.NewGuid(),
            ConnectorId = connectorId,
            Major = 1,
            EnvironmentKey = environment.ToLowerInvariant(),
            UpdatedBy = "test",
            Values = [.. values.Select(v => new ParameterValueRecord
            {
                Id = Guid.NewGuid(),
                Kind = v.Secret ? ConfigResolver.AuthenticationKind : ConfigResolver.ConnectorKind,
                Name = v.Name,
                Value = v.Secret ? protector.Protect(v.Value) : v.Value,
                IsSecret = v.Secret,
            })],
        });
        await db.SaveChangesAsync(Cancel);
    }
}
