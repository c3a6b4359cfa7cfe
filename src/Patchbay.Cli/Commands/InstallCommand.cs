using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Patchbay.Cli.Hub;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Packaging;
using Patchbay.Core.Packaging.Source;

namespace Patchbay.Cli.Commands;

/// <summary>
/// <c>patchbay install &lt;file.bizc | folder&gt; [--hub URL] [--profile NAME]</c>: uploads a connector to a hub. A
/// source folder is zipped in memory and sent as it is, so the hub validates it and names the places in <c>connector.json</c>.
/// </summary>
internal static class InstallCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("connector") { Description = "A .bizc file, or a connector source folder." };
        var hub = new Option<string?>("--hub") { Description = "The hub's address; default PATCHBAY_HUB, the profile's, or " + Patchbay.Hub.HubOptions.DefaultUrls + "." };
        var profile = new Option<string?>("--profile") { Description = "The profile (of the file PATCHBAY_PROFILES names) with the hub and its API key; default 'default'." };
        var command = new Command("install", "Install a connector on a hub: a new major version is added, a newer minor or patch replaces its major.") { path, hub, profile };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var upload = await ReadAsync(context, parse.GetValue(path)!, cancellationToken);
            if (upload is null)
            {
                return ExitCodes.UserError;
            }

            using var client = new HubClient(HubProfile.Resolve(parse.GetValue(hub), parse.GetValue(profile)));
            using var content = new ByteArrayContent(upload.Value.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(upload.Value.MediaType);
            content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = upload.Value.FileName };
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/connectors", UriKind.Relative)) { Content = content };
            request.Headers.ExpectContinue = true; // a too-large upload is refused before it is sent, and the 413 is not lost to a reset
            var answer = await client.SendForJsonAsync(request, cancellationToken) as JsonObject;
            await context.Output.WriteLineAsync(Describe(answer));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The bytes to upload, or null when a folder could not be read (the reasons printed).</summary>
    private static async Task<(byte[] Bytes, string FileName, string MediaType)?> ReadAsync(CliContext context, string path, CancellationToken cancellationToken)
    {
        var full = context.Resolve(path);
        if (File.Exists(full))
        {
            return (await File.ReadAllBytesAsync(full, cancellationToken), Path.GetFileName(full), "application/octet-stream");
        }

        if (!Directory.Exists(full))
        {
            throw new UserErrorException($"'{path}' is neither a .bizc file nor a connector folder.");
        }

        var diagnostics = new DiagnosticList();
        var files = SourceFolder.ReadFiles(full, context.Limits, diagnostics);
        context.Diagnostics.Print(diagnostics);
        return files is null ? null : (ConnectorZip.PackSourceFolder(files), Path.GetFileName(Path.TrimEndingDirectorySeparator(full)) + ".zip", "application/zip");
    }

    private static string Describe(JsonObject? answer)
    {
        var what = $"{answer?["name"]} {answer?["version"]}";
        return answer?["outcome"]?.ToString() switch
        {
            "addedMajor" => $"Installed {what}: added as major version {answer!["major"]}.",
            "replacedVersion" => $"Installed {what}: replaced {answer!["replacedVersion"]}, which stays in the history.",
            "unchanged" => $"Unchanged: {what} is already installed.",
            _ => $"Installed {what}.",
        };
    }
}
