namespace Patchbay.Hub.Jobs;

/// <summary>The states of an async job (<see cref="Storage.JobRecord.State"/>) and of its callback.</summary>
public static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>The job ended; its callback is not yet handed to Hangfire (<see cref="CallbackHandOff"/>).</summary>
    public const string CallbackPending = "pending";

    /// <summary>Handed to Hangfire, which delivers it. Stored only: the API shows it as <see cref="CallbackPending"/>.</summary>
    public const string CallbackQueued = "queued";

    public const string CallbackDelivered = "delivered";
    public const string CallbackFailed = "failed";

    public static bool IsFinished(string state) => state is Succeeded or Failed;

    /// <summary>The callback state as the API shows it: pending until delivered or failed, however far the hand-off got.</summary>
    public static string? ShownCallbackState(string? stored) => stored == CallbackQueued ? CallbackPending : stored;
}
