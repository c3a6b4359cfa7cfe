using Microsoft.Extensions.Logging;
using Patchbay.Hub.Runtime;
using Patchbay.Hub.Storage;

namespace Patchbay.Hub.Configuration;

/// <summary>Applies stored platform settings to this hub's runtime, and remembers which version of them it applied.</summary>
public sealed partial class PlatformSettingsApplier(RuntimeHost runtime, PlatformRuntimeOptions runtimeOptions, ILogger<PlatformSettingsApplier> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The <see cref="PlatformSettingsRecord.UpdatedAt"/> of the settings the runtime runs with; null until known.</summary>
    public DateTimeOffset? AppliedAt { get; private set; }

    /// <summary>Records the settings the runtime started with, unless newer ones were applied already.</summary>
    public void StartedWith(DateTimeOffset updatedAt) => AppliedAt ??= updatedAt;

    public async Task ApplyAsync(PlatformSettingsRecord settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await runtime.ReconfigureAsync(runtimeOptions.For(settings), cancellationToken);
            AppliedAt = settings.UpdatedAt;
            Applied(logger, settings.UpdatedAt, settings.UpdatedBy);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    // Never the proxy or other values: only when and by whom.
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Platform settings of {UpdatedAt} (by {UpdatedBy}) applied: the runtime was reconfigured")]
    private static partial void Applied(ILogger logger, DateTimeOffset updatedAt, string? updatedBy);
}
