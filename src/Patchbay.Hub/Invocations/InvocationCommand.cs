using System.Text.Json.Nodes;
using Patchbay.Hub.Security;

namespace Patchbay.Hub.Invocations;

/// <summary>One invocation to run through the hub: the same for a sync call and for each attempt of an async job.</summary>
public sealed record InvocationCommand(Caller Caller, string Connector, int Major, string Action, string Environment, JsonNode? Inputs)
{
    /// <summary>sync or async (recorded).</summary>
    public string Mode { get; init; } = InvocationModes.Sync;

    public Guid? JobId { get; init; }

    public int Attempt { get; init; } = 1;
}

public static class InvocationModes
{
    public const string Sync = "sync";
    public const string Async = "async";
    public const string Test = "test";
}
