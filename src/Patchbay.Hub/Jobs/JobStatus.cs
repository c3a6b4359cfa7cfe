using Patchbay.Hub.Invocations;

namespace Patchbay.Hub.Jobs;

/// <summary>What <c>GET /api/v1/jobs/{id}</c> answers, and what a callback receives; <see cref="FailureReason"/> says why a job failed that has no answer to show.</summary>
public sealed record JobStatus(
    Guid JobId,
    string State,
    int Attempts,
    int MaxAttempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    Guid? InvocationId,
    InvocationAnswer? Result,
    string? CallbackState,
    string? FailureReason);
