namespace Patchbay.Core.Model;

/// <summary>One action of a connector: its identity, implementation and data trees.</summary>
public sealed record ActionDefinition
{
    /// <summary>Bizagi's per-action <c>guid</c>.</summary>
    public required string Guid { get; init; }

    /// <summary>Kebab-case name; also the file name <c>actions/&lt;name&gt;.js</c> and the runtime action name.</summary>
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public string Description { get; init; } = "";

    public required ActionKind Kind { get; init; }

    /// <summary>The request, for <see cref="ActionKind.Rest"/> actions only.</summary>
    public RestRequest? Rest { get; init; }

    /// <summary>Fields under <c>data.inputs.input</c>.</summary>
    public ValueList<DataNode> Inputs { get; init; } = [];

    /// <summary>Fields of <c>response.outputs.output</c>.</summary>
    public ValueList<DataNode> Outputs { get; init; } = [];

    /// <summary>Fields of <c>response.outputs.error</c>.</summary>
    public ValueList<DataNode> Errors { get; init; } = DataTrees.DefaultError;

    public ValueList<ExtraProperty> Extra { get; init; } = [];
}
