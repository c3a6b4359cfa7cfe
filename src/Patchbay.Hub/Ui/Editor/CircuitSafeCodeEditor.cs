using BlazorMonaco.Editor;
using Microsoft.JSInterop;

namespace Patchbay.Hub.Ui.Editor;

/// <summary>
/// BlazorMonaco 3.0.0's <see cref="StandaloneCodeEditor"/> made safe for interactive server rendering, where many
/// circuits share one process. As shipped, it (1) creates the editor through an <c>IJSRuntime</c> kept in a static
/// field that every editor's initialisation overwrites, so an editor opened in another tab at the same moment can
/// send this one to the wrong browser; and (2) reads its own object reference after the create round trip, which
/// throws and ends the circuit when the component was removed meanwhile (switching actions quickly).
/// </summary>
/// <remarks>
/// (1): the static field is set again, from this component's own runtime, just before creating, and setting and
/// reading it happen under one lock shared by every editor (BlazorMonaco sets it in OnInitialized, reads it in the
/// first render's create call before its first await). (2): that exception is expected once the component is
/// disposed and is dropped. The Monaco editor itself is disposed with the component, so its model does not stay in
/// Monaco's JavaScript service. A later BlazorMonaco fixes (1); the mirror serves 3.0.0 only.
/// </remarks>
public sealed class CircuitSafeCodeEditor : StandaloneCodeEditor, IAsyncDisposable
{
    private static readonly Lock SharedRuntime = new();
    private bool _createSent;
    private bool _disposed;

    protected override void OnInitialized()
    {
        lock (SharedRuntime)
        {
            base.OnInitialized();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        Task rendering;
        lock (SharedRuntime)
        {
            if (firstRender)
            {
                // Points the static runtime at this circuit again (and makes a fresh object reference, not yet given
                // to JavaScript, in place of the unused first one).
                base.OnInitialized();
                _createSent = true;
            }

            rendering = base.OnAfterRenderAsync(firstRender);
        }

        try
        {
            await rendering;
        }
        catch (Exception e) when (_disposed && e is ObjectDisposedException or JSException)
        {
            // Removed while Monaco was being created or wired up; DisposeAsync has dropped Monaco's editor.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        Dispose();
        if (!_createSent)
        {
            return; // prerendered, or removed before its first render reached the browser
        }

        try
        {
            await DisposeEditor();
        }
        catch (JSDisconnectedException)
        {
            // the tab is gone, and Monaco with it
        }
        catch (JSException)
        {
            // Monaco never made the editor (its create call failed)
        }
    }
}
