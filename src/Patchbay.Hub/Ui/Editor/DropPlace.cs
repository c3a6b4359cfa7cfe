namespace Patchbay.Hub.Ui.Editor;

/// <summary>Where a node dragged in the data tree editor lands, relative to the node it is dropped on.</summary>
public enum DropPlace
{
    /// <summary>Just before the node, among its siblings.</summary>
    Before,

    /// <summary>Just after the node, among its siblings.</summary>
    After,

    /// <summary>As the node's last child; only an Object node takes children.</summary>
    Inside,
}
