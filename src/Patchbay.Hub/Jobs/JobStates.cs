namespace Patchbay.Hub.Jobs;

/// <summary>The states of an async job (<see cref="Storage.JobRecord.State"/>) and of its callback.</summary>
public static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public const string CallbackPending = "pending";
    public const string CallbackDelivered = "delivered";
    public const string CallbackFailed = "failed";

    public static bool IsFinished(string state) => state is Succeeded or Failed;
}
