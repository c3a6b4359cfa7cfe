using System.Text.Json;
using Patchbay.Core.Model;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Bench;

/// <summary>An Easy REST GET action beside a plain HttpClient GET (body read and parsed) to the same loopback server.</summary>
internal static class EasyRestBench
{
    public static async Task<(Measurement Plain, Measurement Ours)> RunAsync(ConnectorRuntime runtime, string url, int calls)
    {
        using var http = new HttpClient();
        var plain = await Measurement.RunAsync("plain HttpClient GET + JSON parse (floor)", 1, calls, async () =>
        {
            using var response = await http.GetAsync(url + "/rest-item");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        });

        var request = new InvocationRequest { Connector = Connector(url), Action = "get-item", Inputs = System.Text.Json.Nodes.JsonNode.Parse("""{"id":"1"}""") };
        var ours = await Measurement.RunAsync("Patchbay runtime, Easy REST GET action", 1, calls, async () =>
        {
            var result = await runtime.InvokeAsync(request, CancellationToken.None);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(result.FailureMessage);
            }
        });
        return (plain, ours);
    }

    private static ConnectorPackage Connector(string url) => new()
    {
        Definition = new ConnectorDefinition
        {
            GlobalGuid = Guid.NewGuid().ToString(),
            Name = "Bench REST",
            FolderName = "bench-rest",
            Version = "1.0.0",
            Type = ConnectorType.EasyRest,
            BaseUri = url,
            Authentication = new AuthenticationSettings { Method = AuthenticationMethod.None, Name = "none" },
            Actions =
            [
                new ActionDefinition
                {
                    Guid = Guid.NewGuid().ToString(),
                    Name = "get-item",
                    DisplayName = "Get item",
                    Kind = ActionKind.Rest,
                    Rest = new RestRequest { Method = "GET", Url = "/rest-item" },
                    Inputs = [DataNode.Leaf("id", DataType.String)],
                    Outputs = [DataNode.Leaf("id", DataType.Integer), DataNode.Leaf("name", DataType.String)],
                },
            ],
        },
    };
}
