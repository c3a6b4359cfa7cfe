using Acornima;
using Acornima.Ast;

namespace Patchbay.Core.Validation;

/// <summary>
/// Parses connector JavaScript (sloppy-mode CommonJS, as Node runs it) to report syntax errors and
/// whether it exports <c>invoke</c>, so <c>patchbay validate</c> catches both before anything runs.
/// </summary>
public static class JsModuleInspector
{
    private static readonly ParserOptions Options = new()
    {
        AllowReturnOutsideFunction = true, // CommonJS bodies are function bodies
        AllowHashBang = true,
        AllowAwaitOutsideFunction = false,
    };

    public static JsModuleReport Inspect(string code)
    {
        Script script;
        try
        {
            script = new Parser(Options).ParseScript(code);
        }
        catch (ParseErrorException e)
        {
            return new JsModuleReport { SyntaxError = new JsSyntaxError(e.LineNumber, e.Column + 1, e.Description ?? e.Message) };
        }

        var finder = new ExportFinder();
        finder.Visit(script);
        return new JsModuleReport { ExportsInvoke = finder.ExportsInvoke, ExportsAreOpaque = finder.Opaque };
    }

    private sealed class ExportFinder : AstVisitor
    {
        public bool ExportsInvoke { get; private set; }

        public bool Opaque { get; private set; }

        protected override object? VisitAssignmentExpression(AssignmentExpression node)
        {
            if (node.Left is MemberExpression target)
            {
                if (IsExportsObject(target.Object) && IsName(target, "invoke"))
                {
                    ExportsInvoke = true;
                }
                else if (IsModuleExports(target))
                {
                    if (node.Right is ObjectExpression literal)
                    {
                        ExportsInvoke |= literal.Properties.OfType<Property>().Any(p => KeyName(p) == "invoke");
                    }
                    else
                    {
                        Opaque = true;
                    }
                }
            }

            return base.VisitAssignmentExpression(node);
        }

        // `exports` or `module.exports`
        private static bool IsExportsObject(Node node) =>
            node is Identifier { Name: "exports" } || (node is MemberExpression m && IsModuleExports(m));

        private static bool IsModuleExports(MemberExpression m) =>
            m.Object is Identifier { Name: "module" } && IsName(m, "exports");

        private static bool IsName(MemberExpression m, string name) =>
            m.Computed ? m.Property is StringLiteral s && s.Value == name : m.Property is Identifier i && i.Name == name;

        private static string? KeyName(Property p) => p.Key switch
        {
            Identifier i when !p.Computed => i.Name,
            StringLiteral s => s.Value,
            _ => null,
        };
    }
}
