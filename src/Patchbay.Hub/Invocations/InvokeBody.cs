using System.Text.Json.Nodes;

namespace Patchbay.Hub.Invocations;

/// <summary>
/// The body of an invoke request: which environment's configuration to run with, and the action's inputs;
/// with <c>?mode=async</c> also the retry policy and a callback URL.
/// </summary>
public sealed record InvokeBody(string? Environment, JsonNode? Inputs, RetryBody? Retry = null, string? CallbackUrl = null);

/// <summary>How often an async job is tried (1–10 attempts) and the wait before the second (0–3600 s, doubled after each failure).</summary>
public sealed record RetryBody(int? Attempts, int? BackoffSeconds);
