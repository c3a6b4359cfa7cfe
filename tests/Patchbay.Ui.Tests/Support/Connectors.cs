using System.Net.Http.Headers;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Ui.Tests.Support;

/// <summary>Test connectors for the console pages: written as .bizc by Core, installed through the hub's API when a test needs them ready.</summary>
internal static class Connectors
{
    /// <summary>A name no other test uses (the tests share one hub).</summary>
    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>A connector with one action (an input and an output tree) and the parameters given.</summary>
    public static TestConnector Package(string name, string version = "1.0.0", string? globalGuid = null) =>
        new TestConnector { Name = name, Version = version, GlobalGuid = globalGuid ?? Guid.NewGuid().ToString() }
            .Invoke(
                "greet",
                "callback(RESPONSE({ greeting: 'Hello ' + data.name }, null, 200));",
                [new DataNode { Name = "name", Type = DataType.String, IsRequired = true }],
                [new DataNode { Name = "greeting", Type = DataType.String }]);

    public static byte[] Bizc(TestConnector connector) => BizcWriter.ToBytes(connector.Build());

    public static async Task InstallAsync(this HttpClient admin, TestConnector connector)
    {
        using var content = new ByteArrayContent(Bizc(connector));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        (await admin.PostAsync(new Uri("/api/v1/connectors", UriKind.Relative), content, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
    }
}
