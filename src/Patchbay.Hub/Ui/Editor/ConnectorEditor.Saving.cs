using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using Patchbay.Core.Model;
using Patchbay.Hub.Drafts;
using Patchbay.Hub.Security;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Ui.Editor;

/// <summary>
/// How the Connector Editor keeps the draft: every change is kept in the page at once and saved a second later, over
/// the revision the page opened or last saved. A save made elsewhere meanwhile (another tab, another person) is never
/// overwritten silently: saving stops and <see cref="DraftConflictBanner"/> lets the person choose.
/// </summary>
public partial class ConnectorEditor
{
    private static readonly TimeSpan SaveDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long a save the storage refused waits before it is tried again.</summary>
    private static readonly TimeSpan SaveRetryDelay = TimeSpan.FromSeconds(StorageFaults.RetryAfterSeconds);

    private DraftRevision? _revision;
    private DraftRevision? _conflict;

    /// <summary>Why the last save could not be stored (the database is down, the disk full); it is tried again.</summary>
    private string? _saveFault;
    private bool _resolving;
    private int _loads;
    private long _version;
    private long _savedVersion;
    private CancellationTokenSource? _pendingSave;
    private readonly SemaphoreSlim _saving = new(1, 1);

    /// <summary>Changes not stored yet, including those a conflict holds back: leaving the page asks first.</summary>
    private bool Unsaved => _version != _savedVersion || _conflict is not null;

    private string SaveStatus => _conflict is not null ? "Not saved: conflict"
        : _saveFault is not null ? "Not saved yet: trying again"
        : Unsaved ? "Unsaved changes"
        : _revision is { } revision ? $"Saved {DraftConflictBanner.Time(revision.SavedAt)}" : "Saved";

    /// <summary>Shows the draft as stored, forgetting any change not saved; false when it cannot be shown.</summary>
    private async Task<bool> LoadAsync()
    {
        try
        {
            var draft = await Hub.UseAsync<DraftStore, Draft?>(s => s.OpenAsync(DraftId, CancellationToken.None));
            if (draft is null)
            {
                _error = "There is no such draft; it may have been deleted.";
                return false;
            }

            _package = draft.Package;
            _revision = draft.Revision;
            _loads++;
            (_conflict, _savedVersion) = (null, _version);
            Validate();
            return true;
        }
        catch (Exception e) when (e is Patchbay.Core.Diagnostics.ConnectorLoadException)
        {
            _error = $"The draft cannot be read: {e.Message}";
            return false;
        }
    }

    /// <summary>
    /// Every change is kept in memory at once and saved a second after the last one, so typing does not write on each
    /// key. While a conflict waits for the person's choice, changes are kept but not saved.
    /// </summary>
    private void Edit(ConnectorPackage package)
    {
        if (ReferenceEquals(package, _package))
        {
            return; // an edit that changed nothing (a file created only if missing) is nothing to save
        }

        _package = package;
        _version++;
        Validate();
        _pendingSave?.Cancel();
        if (_conflict is null)
        {
            SaveAfter(SaveDelay);
        }
    }

    /// <summary>Saves after <paramref name="delay"/>, unless a newer change or retry schedules its own save first.</summary>
    private void SaveAfter(TimeSpan delay)
    {
        _pendingSave?.Cancel();
        _pendingSave = new CancellationTokenSource();
        _ = SaveLaterAsync(delay, _pendingSave.Token);
    }

    private async Task SaveLaterAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            await InvokeAsync(SaveNowAsync);
        }
        catch (OperationCanceledException)
        {
            // a newer change will save
        }
    }

    private Task SaveNowAsync() => SaveAsync(overwriting: null);

    /// <summary>
    /// Saves the changes over the revision this page opened or last saved, or over <paramref name="overwriting"/>, a
    /// save made elsewhere that the person chose to overwrite; a save made elsewhere meanwhile shows the conflict instead.
    /// Saves run one at a time, so this page's own saves never conflict with each other.
    /// </summary>
    private async Task SaveAsync(DraftRevision? overwriting)
    {
        await _saving.WaitAsync();
        try
        {
            if (_package is null || _revision is null || !Unsaved || (_conflict is not null && overwriting is null))
            {
                return;
            }

            var (version, package, revision) = (_version, _package, overwriting?.Number ?? _revision.Number);
            var caller = Caller.From((await Authentication).User);
            _revision = await Hub.UseAsync<DraftStore, DraftRevision>(s => s.SaveAsync(DraftId, revision, package, caller, CancellationToken.None));
            (_conflict, _savedVersion, _saveFault) = (null, version, null);
        }
        catch (Exception e) when (StorageFaults.Find(e, Options.DataFolder) is { } fault)
        {
            // The changes stay in the page (leaving still asks) and the save is tried again; the page keeps working.
            _saveFault = fault.Detail;
            SaveAfter(SaveRetryDelay);
        }
        catch (DraftConflictException e)
        {
            _pendingSave?.Cancel();
            _conflict = e.Stored;
        }
        catch (DraftNotFoundException)
        {
            _error = "This draft was deleted (in another tab or by someone else), so your changes cannot be saved. "
                + "Export .bizc keeps them; Open .bizc on the editor's home makes them a draft again.";
        }
        finally
        {
            _saving.Release();
        }

        StateHasChanged();
    }

    /// <summary>The person keeps their version: it is saved over the one that came first, which they have been told about.</summary>
    private async Task KeepMineAsync()
    {
        _resolving = true;
        try
        {
            await SaveAsync(overwriting: _conflict);
        }
        finally
        {
            _resolving = false;
        }
    }

    /// <summary>The person takes the other version (they confirmed in the banner): their own changes are dropped.</summary>
    private async Task LoadTheirsAsync()
    {
        _resolving = true;
        await _saving.WaitAsync();
        try
        {
            _pendingSave?.Cancel();
            if (await LoadAsync() && _action >= _package!.Definition.Actions.Count)
            {
                _action = _package.Definition.Actions.Count > 0 ? 0 : null;
            }
        }
        finally
        {
            _saving.Release();
            _resolving = false;
        }
    }

    private async Task ConfirmLeavingAsync(LocationChangingContext context)
    {
        var question = _conflict is not null
            ? "Your changes are not saved: this draft was saved elsewhere meanwhile. Leave and lose your changes?"
            : "The latest changes are not saved yet. Leave anyway?";
        if (Unsaved && !await JS.InvokeAsync<bool>("confirm", question))
        {
            context.PreventNavigation();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_pendingSave is not null)
        {
            await _pendingSave.CancelAsync();
            _pendingSave.Dispose();
        }

        // The tab closed or the person left: keep what was typed in the last second (never over a save made elsewhere).
        if (Unsaved && _conflict is null && _package is not null)
        {
            try
            {
                await SaveNowAsync();
            }
            catch (ObjectDisposedException)
            {
                // the circuit is gone; the change before the last second is saved
            }
        }

        GC.SuppressFinalize(this);
    }
}
