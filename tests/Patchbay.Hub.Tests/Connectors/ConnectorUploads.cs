using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Bizc;
using Patchbay.Core.Packaging.Source;
using Patchbay.Runtime.Tests.Support;

namespace Patchbay.Hub.Tests.Connectors;

/// <summary>Connectors to upload in tests, as a .bizc or a zipped source folder, and the requests that send them.</summary>
internal static class ConnectorUploads
{
    public static Uri ConnectorsUri { get; } = new("/api/v1/connectors", UriKind.Relative);

    public static string UniqueName(string prefix = "Echo") => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A small valid connector with one action, a parameter of each tab (one of them password-mode) and an error code.</summary>
    public static ConnectorPackage Package(string name, string version = "1.0.0", string? globalGuid = null)
    {
        var builder = new TestConnector { Name = name, Version = version, GlobalGuid = globalGuid ?? Guid.NewGuid().ToString() }
            .Parameters(new ConnectorParameter { Name = "baseUrl", Required = true, DefaultValue = "https://example.test" })
            .Auth("callback(RESPONSE({ token: globals.authdata.token }, null, 200));", new ConnectorParameter { Name = "token", PasswordMode = true })
            .Invoke(
                "greet",
                "callback(RESPONSE({ text: 'hi ' + data.inputs.input.who }, null, 200));",
                inputs: [new DataNode { Name = "who", Type = DataType.String, IsRequired = true }],
                outputs: [new DataNode { Name = "text", Type = DataType.String }]);
        var package = builder.Build();
        return package with { Definition = package.Definition with { Description = "Says hello to " + name, Author = "Tests", Errors = [new ErrorDefinition("E1", "Something went wrong")] } };
    }

    public static byte[] Bizc(ConnectorPackage package) => BizcWriter.ToBytes(package);

    /// <summary>The package as a zipped source folder, at the zip's root or inside one top-level folder.</summary>
    public static byte[] SourceZip(ConnectorPackage package, string? topFolder = null, Func<JsonObject, JsonObject>? editDefinition = null)
    {
        var files = SourceFolder.ToFiles(package).ToDictionary(StringComparer.Ordinal);
        if (editDefinition is not null)
        {
            var json = editDefinition(JsonNode.Parse(files[SourceFolderLayout.Definition])!.AsObject());
            files[SourceFolderLayout.Definition] = FileSet.EncodeText(json.ToJsonString());
        }

        return ConnectorZip.PackSourceFolder(files.ToDictionary(f => (topFolder is null ? "" : topFolder + "/") + f.Key, f => f.Value));
    }

    /// <summary>A zip holding one incompressible file of the given size, to make an upload of a known size.</summary>
    public static byte[] ZipOfSize(int bytes)
    {
        var content = new byte[bytes];
        new Random(5).NextBytes(content);
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("noise.bin", CompressionLevel.NoCompression).Open();
            entry.Write(content);
        }

        return buffer.ToArray();
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] bytes, string contentType = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync(ConnectorsUri, content, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> UploadFormAsync(this HttpClient client, byte[] bytes, string fileName)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName } };
        return client.PostAsync(ConnectorsUri, form, TestContext.Current.CancellationToken);
    }

    public static Uri Of(string name, string rest = "") => new($"/api/v1/connectors/{Uri.EscapeDataString(name)}{rest}", UriKind.Relative);
}
