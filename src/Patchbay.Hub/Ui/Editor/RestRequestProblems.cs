using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Validation;

namespace Patchbay.Hub.Ui.Editor;

/// <summary>
/// The problems Core's validator finds in one Easy REST action's request, by the field that fixes them, so the
/// editor shows each next to its field with the same words as the editor's validation list. Nothing is checked
/// here: the whole connector goes through <see cref="ConnectorValidator"/> and its places are matched with the
/// <c>.bizc</c> locations the editor lists.
/// </summary>
public sealed class RestRequestProblems
{
    private static readonly DefinitionLocations At = DefinitionLocations.Bizc;

    /// <summary>Bizagi's fields of the request; Patchbay's options all sit under one place (<see cref="DefinitionLocations.RestOption"/>).</summary>
    private static readonly string[] RequestFields = ["rest.method", "rest.url", "rest.contentType", "rest.useAuthentication"];

    private readonly int _index;
    private readonly List<Diagnostic> _problems;

    private RestRequestProblems(int index, List<Diagnostic> problems) => (_index, _problems) = (index, problems);

    /// <summary>The problems of <paramref name="request"/> as the request of the action at <paramref name="index"/> of <paramref name="definition"/>.</summary>
    public static RestRequestProblems Of(ConnectorDefinition definition, int index, RestRequest request)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var actions = definition.Actions.Select((a, i) => i == index ? a with { Rest = request } : a).ToValueList();
        var package = new ConnectorPackage { Definition = definition with { Actions = actions } };
        var options = At.RestOption(index, "").Path!;
        var fields = RequestFields.Select(f => At.Action(index, f)).ToHashSet();
        var problems = ConnectorValidator.Validate(package, At)
            .Where(d => fields.Contains(d.Location) || (d.Location.File == At.RestOption(index, "").File && d.Location.Path is { } path && IsWithin(path, options)))
            .ToList();
        return new RestRequestProblems(index, problems);
    }

    /// <summary>The messages about the URL, the method or the content type (<c>rest.url</c>, ...).</summary>
    public string? OfRequest(string member) => Messages(At.Action(_index, member));

    /// <summary>The messages about one of Patchbay's options (<c>bodyInput</c>, <c>pagination.pageSize</c>, <c>headers["Accept"]</c>, ...).</summary>
    public string? OfOption(string member) => Messages(At.RestOption(_index, member));

    public string? OfHeader(string name) => OfOption(Header(name));

    public string? OfQuery(string name) => OfOption(Query(name));

    /// <summary>The <c>data-place</c> of the field that edits the URL, the method... (<c>rest.url</c>, ...), so problems lead to it.</summary>
    public string PlaceOfRequest(string member) => ProblemPlace.Key(At.Action(_index, member));

    /// <summary>The <c>data-place</c> of the field that edits one of Patchbay's options (<c>pagination.pageSize</c>, ...).</summary>
    public string PlaceOfOption(string member) => ProblemPlace.Key(At.RestOption(_index, member));

    public string PlaceOfHeader(string name) => PlaceOfOption(Header(name));

    public string PlaceOfQuery(string name) => PlaceOfOption(Query(name));

    private static string Header(string name) => $"headers[\"{name}\"]";

    private static string Query(string name) => $"query[\"{name}\"]";

    private string? Messages(Location location)
    {
        var messages = _problems.Where(p => p.Location == location).Select(p => p.Message).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    private static bool IsWithin(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] is '.' or '[');
}
