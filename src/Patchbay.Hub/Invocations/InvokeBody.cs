using System.Text.Json.Nodes;

namespace Patchbay.Hub.Invocations;

/// <summary>The body of an invoke request: which environment's configuration to run with, and the action's inputs.</summary>
public sealed record InvokeBody(string? Environment, JsonNode? Inputs);
