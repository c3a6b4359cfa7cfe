using System.Xml;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;

namespace Patchbay.Core.Validation;

/// <summary>Checks the names and shapes of an action's input, output and error trees.</summary>
internal static class DataTreeValidator
{
    public static void Validate(ActionDefinition action, int actionIndex, DefinitionLocations at, DiagnosticList diagnostics)
    {
        Walk(action.Inputs, [], DataTreeKind.Input);
        Walk(action.Outputs, [], DataTreeKind.Output);
        Walk(action.Errors, [], DataTreeKind.Error);

        void Walk(ValueList<DataNode> nodes, List<string> path, DataTreeKind tree)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in nodes)
            {
                path.Add(node.Name.Length == 0 ? "(unnamed)" : node.Name);
                var location = at.DataNode(actionIndex, tree, path);
                if (node.Name.Length == 0)
                {
                    diagnostics.Error("missing-field-name", location, "The field has no name.");
                }
                else if (!IsXmlName(node.Name))
                {
                    diagnostics.Error("invalid-field-name", location, $"'{node.Name}' is not a valid field name: start with a letter or '_' and use letters, digits, '_', '-' or '.' (it becomes an XSD element).");
                }
                else if (!seen.Add(node.Name))
                {
                    diagnostics.Error("duplicate-field", location, $"The field '{node.Name}' appears twice at this level.");
                }

                if (node.Type == DataType.Object && node.Children.Count == 0)
                {
                    diagnostics.Warning("empty-object", location, $"The object '{node.Name}' has no fields.");
                }
                else if (node.Type != DataType.Object && node.Children.Count > 0)
                {
                    diagnostics.Error("fields-on-simple-type", location, $"'{node.Name}' is a {node.Type} and cannot have fields; make it an Object.");
                }

                Walk(node.Children, path, tree);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    private static bool IsXmlName(string name)
    {
        try
        {
            XmlConvert.VerifyNCName(name);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
