namespace Patchbay.Core.Model;

/// <summary>How a connector's actions are implemented.</summary>
public enum ConnectorType
{
    /// <summary>Node.js code per action (<c>"type": "custom"</c>).</summary>
    Custom,

    /// <summary>No-code REST actions run by Patchbay's engine (<c>"type": "rest"</c>).</summary>
    EasyRest,
}
