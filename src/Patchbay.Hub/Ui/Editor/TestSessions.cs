using System.Text.Json.Nodes;
using Patchbay.Core.Model;
using Patchbay.Hub.Api;
using Patchbay.Hub.Invocations;

namespace Patchbay.Hub.Ui.Editor;

/// <summary>
/// What the Test panel holds for a connector (inputs per action, parameter values, the last result) for as long as
/// the browser tab lives: the editor's tabs rebuild their content on each visit, and a person switching to the
/// Actions tab to fix something and back expects to find the test as it was. Scoped: one per circuit.
/// </summary>
public sealed class TestSessions
{
    private readonly Dictionary<string, TestSession> _sessions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The session of a connector, by its globalguid (its identity across renames and versions).</summary>
    public TestSession For(ConnectorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!_sessions.TryGetValue(definition.GlobalGuid, out var session))
        {
            session = new TestSession();
            _sessions[definition.GlobalGuid] = session;
        }

        return session;
    }
}

/// <summary>The Test panel's values for one connector; kept on the server, never stored.</summary>
public sealed class TestSession
{
    /// <summary>The chosen action's name.</summary>
    public string? Action { get; set; }

    /// <summary>The inputs typed for each action, by action name.</summary>
    public Dictionary<string, JsonObject> Inputs { get; } = new(StringComparer.Ordinal);

    public bool JsonMode { get; set; }

    public Dictionary<string, string> ConnectorValues { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> AuthenticationValues { get; } = new(StringComparer.Ordinal);

    public bool UseEnvironment { get; set; }

    public string? Environment { get; set; }

    public int? TimeoutSeconds { get; set; }

    public ActionTestRun? Result { get; set; }

    public ProblemBody? Problem { get; set; }

    public JsonObject InputsOf(string action)
    {
        if (!Inputs.TryGetValue(action, out var inputs))
        {
            inputs = [];
            Inputs[action] = inputs;
        }

        return inputs;
    }
}
