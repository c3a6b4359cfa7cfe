using System.Globalization;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Security;

/// <summary>What a new key's or user's name, role and connector list must be; each error names its field.</summary>
public static class KeyRules
{
    public const int MaxNameLength = 100;
    public const int MaxConnectorNameLength = 200;

    public static IReadOnlyList<ProblemError> Check(CreateKeyBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Check(body.Name, body.Role, body.Connectors, "key");
    }

    /// <summary>The rules keys and user accounts share; <paramref name="what"/> ("key", "user") words the messages.</summary>
    public static IReadOnlyList<ProblemError> Check(string? rawName, string? role, IReadOnlyList<string>? connectors, string what)
    {
        var errors = new List<ProblemError>();
        var name = rawName?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            errors.Add(ProblemError.Field("$.name", $"Required: 1 to {MaxNameLength} characters that tell people who holds the {what}."));
        }
        else if (name.Any(IsInvisible))
        {
            errors.Add(ProblemError.Field("$.name", "Control characters, line breaks and invisible formatting (such as right-to-left overrides) are not allowed: the name is shown in logs, the audit log and the UI."));
        }

        if (role is null || !Roles.IsKnown(role))
        {
            errors.Add(ProblemError.Field("$.role", $"Required: one of {string.Join(", ", Roles.All)}."));
        }

        if (connectors is not null)
        {
            if (role != Roles.Invoker)
            {
                errors.Add(ProblemError.Field("$.connectors", $"Only an invoker {what} is limited to connectors; leave it out for other roles."));
            }
            else if (connectors.Count == 0)
            {
                errors.Add(ProblemError.Field("$.connectors", "Name at least one connector, or leave it out to allow every connector."));
            }

            for (var i = 0; i < connectors.Count; i++)
            {
                if (connectors[i]?.Trim() is not { Length: > 0 and <= MaxConnectorNameLength })
                {
                    errors.Add(ProblemError.Field($"$.connectors[{i}]", $"A connector name of 1 to {MaxConnectorNameLength} characters."));
                }
            }
        }

        return errors;
    }

    /// <summary>
    /// A character that could forge a log line (a line break) or make a name read as another one (a bidirectional
    /// override, a zero-width space): the name identifies the actor in request logs and the audit log.
    /// </summary>
    private static bool IsInvisible(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
