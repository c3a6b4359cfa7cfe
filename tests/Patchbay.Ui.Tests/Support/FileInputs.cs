using Microsoft.Playwright;

namespace Patchbay.Ui.Tests.Support;

/// <summary>Choosing files in Blazor's InputFile.</summary>
internal static class FileInputs
{
    /// <summary>
    /// Chooses <paramref name="file"/> until <paramref name="effect"/> appears. The input reacts only once its script is
    /// attached, a moment after it is rendered, so on a loaded machine a file chosen too early is ignored and is chosen again.
    /// The last matching input is used: MudBlazor's upload button renders a fresh input after each choice.
    /// </summary>
    public static async Task ChooseUntilAsync(this ILocator input, FilePayload file, ILocator effect)
    {
        for (var attempt = 1; ; attempt++)
        {
            await input.Last.SetInputFilesAsync(file);
            try
            {
                await effect.First.WaitForAsync(new() { Timeout = 15_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await input.Last.SetInputFilesAsync(Array.Empty<FilePayload>());
            }
        }
    }

    /// <summary>The file at <paramref name="path"/> as Playwright's payload.</summary>
    public static FilePayload Payload(string path) =>
        new() { Name = Path.GetFileName(path), MimeType = "application/octet-stream", Buffer = File.ReadAllBytes(path) };
}
