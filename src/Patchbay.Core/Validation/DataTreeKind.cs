namespace Patchbay.Core.Validation;

/// <summary>Which of an action's three data trees a node belongs to.</summary>
public enum DataTreeKind
{
    Input,
    Output,
    Error,
}
