using System.Text.Json.Nodes;
using Patchbay.Core.Model;
using Patchbay.Runtime.Authentication;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Runtime.Rest;

/// <summary>Runs Easy REST actions in C#: builds the request, sends it, maps the response to Bizagi's envelope (bizagi-compat §8.2).</summary>
internal sealed class RestEngine(HttpClient http, TimeProvider time)
{
    public HttpClient Http => http;

    public TimeProvider Time => time;

    /// <summary>Runs one action; <paramref name="session"/> is null when the action does not use authentication.</summary>
    public Task<InvocationResult> InvokeAsync(InvocationCall call, ActionDefinition action, JsonObject input, AuthenticationSession? session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        _ = (http, time, input, session, cancellationToken);
        throw new NotSupportedException($"'{action.Name}' is an Easy REST action; the REST engine is not built yet.");
    }
}
