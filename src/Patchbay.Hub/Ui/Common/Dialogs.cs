using MudBlazor;

namespace Patchbay.Hub.Ui.Common;

/// <summary>The confirmation every destructive action asks for: it names what goes, and Escape cancels it.</summary>
public static class Dialogs
{
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yesText)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var answer = await dialogs.ShowMessageBoxAsync(
            new MessageBoxOptions { Title = title, Message = message, YesText = yesText, CancelText = "Cancel" },
            new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small });
        return answer == true;
    }
}
