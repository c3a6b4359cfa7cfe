namespace Patchbay.Core.Model;

/// <summary>How an action is implemented.</summary>
public enum ActionKind
{
    /// <summary><c>actions/&lt;name&gt;.js</c> exporting <c>invoke</c>.</summary>
    Custom,

    /// <summary>A request described by <see cref="RestRequest"/>.</summary>
    Rest,
}
