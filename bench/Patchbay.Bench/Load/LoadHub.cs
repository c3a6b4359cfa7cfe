using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Patchbay.Core.Model;
using Patchbay.Hub;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Bench.Load;

/// <summary>
/// A hub started in this process (SQLite, per-key rate limit off, no log provider) with the load's two
/// connectors installed, and the client that invokes them through the HTTP API as <see cref="LoadMix"/> says.
/// Remembers the id of every invocation answered 200, to check at the end that each is in the history.
/// </summary>
internal sealed class LoadHub : IAsyncDisposable
{
    private readonly HubApp _hub;
    private readonly HttpClient _http;
    private readonly ConcurrentBag<Guid> _answered = [];

    private LoadHub(HubApp hub, HttpClient http)
    {
        _hub = hub;
        _http = http;
    }

    public static async Task<LoadHub> StartAsync(string dataFolder, string serverUrl, bool admission)
    {
        var adminKey = ApiKeys.Generate().Key;
        var options = new HubOptions { Urls = "http://127.0.0.1:0", DataFolder = dataFolder, AdminKey = adminKey, RateLimitPerSecond = 0 };
        if (!admission)
        {
            options = options with { InvocationConcurrency = 0 };
        }

        var hub = await HubApp.StartAsync(options, _ => { }, CancellationToken.None);
        await using (var scope = hub.Services.CreateAsyncScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<ConnectorCatalog>();
            var admin = new Caller(Guid.NewGuid(), "bench", Roles.Admin, null);
            await catalog.InstallAsync(JavaScriptConnector(serverUrl), admin, CancellationToken.None);
            await catalog.InstallAsync(RestConnector(serverUrl), admin, CancellationToken.None);
        }

        // One client for every caller, as a calling service would have; a connection per concurrent request.
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4096 }) { BaseAddress = hub.Addresses[0], Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        return new LoadHub(hub, http);
    }

    public HubOptions Options => _hub.Services.GetRequiredService<HubOptions>();

    /// <summary>Invocations answered 200 so far.</summary>
    public int Answered200 => _answered.Count;

    /// <summary>Sends invocation number <paramref name="sequence"/> and names what came back.</summary>
    public async Task<(string Kind, int Status)> InvokeAsync(long sequence)
    {
        var (connector, id, failsByDesign) = LoadMix.Of(sequence);
        try
        {
            using var response = await _http.PostAsJsonAsync(
                new Uri($"/api/v1/connectors/{Uri.EscapeDataString(connector)}/versions/1/actions/get/invoke", UriKind.Relative),
                new { environment = "Test", inputs = new { id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status != 200)
            {
                return (status switch
                {
                    503 => "refused 503 (admission control)",
                    429 => "refused 429 (rate limit)",
                    _ => $"unexpected HTTP {status}",
                }, status);
            }

            var answer = JsonNode.Parse(body)!.AsObject();
            _answered.Add(Guid.Parse(answer["invocationId"]!.GetValue<string>()));
            var success = answer["success"]!.GetValue<bool>();
            var outcome = answer["outcome"]!.ToString();
            var kind = (success, failsByDesign) switch
            {
                (true, false) => "ok",
                (false, true) => $"designed failure ({connector}, {outcome})",
                _ => $"unexpected: success {success} ({connector}, {outcome})",
            };
            return (kind, status);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return ($"no answer ({e.GetType().Name})", 0);
        }
    }

    /// <summary>The history's rows, and how many invocations answered 200 are not among them (lost ones).</summary>
    public async Task<(int Rows, int Missing)> CheckHistoryAsync()
    {
        await using var scope = _hub.Services.CreateAsyncScope();
        var ids = (await scope.ServiceProvider.GetRequiredService<HubDb>().Invocations.Select(i => i.Id).ToListAsync()).ToHashSet();
        return (ids.Count, _answered.Count(a => !ids.Contains(a)));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _hub.DisposeAsync();
    }

    private static ValueList<DataNode> IdInput => [DataNode.Leaf("id", DataType.String)];

    private static ConnectorPackage JavaScriptConnector(string serverUrl) => new()
    {
        Definition = Definition(LoadMix.JavaScript, ConnectorType.Custom, null, new ActionDefinition { Guid = Guid.NewGuid().ToString(), Name = "get", DisplayName = "Get", Kind = ActionKind.Custom, Inputs = IdInput }),
        Files = FileSet.From([KeyValuePair.Create("actions/get.js", FileSet.EncodeText($$"""
            var http = require('http');
            var RESPONSE = require('bz-util').getResponse;
            exports.invoke = function (globals, actionName, data, authenticationType, LOG, callback) {
              http.get('{{serverUrl}}/item/' + data.inputs.input.id, function (res) {
                var text = '';
                res.setEncoding('utf8');
                res.on('data', function (chunk) { text += chunk; });
                res.on('end', function () {
                  if (res.statusCode >= 400) {
                    callback(RESPONSE(null, { message: 'the item service answered ' + res.statusCode }, -res.statusCode));
                  } else {
                    callback(RESPONSE(JSON.parse(text), null, 200));
                  }
                });
              }).on('error', function (e) { callback(RESPONSE(null, { message: e.message }, -1)); });
            };
            """))]),
    };

    private static ConnectorPackage RestConnector(string serverUrl) => new()
    {
        Definition = Definition(LoadMix.Rest, ConnectorType.EasyRest, serverUrl, new ActionDefinition
        {
            Guid = Guid.NewGuid().ToString(),
            Name = "get",
            DisplayName = "Get",
            Kind = ActionKind.Rest,
            Rest = new RestRequest { Method = "GET", Url = "/item/{{id}}", SendTemplateInputs = false },
            Inputs = IdInput,
        }),
    };

    private static ConnectorDefinition Definition(string name, ConnectorType type, string? baseUri, ActionDefinition action) => new()
    {
        GlobalGuid = Guid.NewGuid().ToString(),
        Name = name,
        FolderName = name.Replace(' ', '-').ToLowerInvariant(),
        Version = "1.0.0",
        Type = type,
        BaseUri = baseUri ?? "",
        Authentication = new AuthenticationSettings { Method = AuthenticationMethod.None, Name = "none" },
        Actions = [action],
    };
}
