namespace Patchbay.Hub.Security;

/// <summary>The roles an API key has, and the policies endpoints require.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Author = "author";
    public const string Operator = "operator";
    public const string Invoker = "invoker";

    public static readonly IReadOnlyList<string> All = [Admin, Author, Operator, Invoker];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

/// <summary>Authorization policy names. Admin passes every policy.</summary>
public static class Policies
{
    /// <summary>List, show and download connectors: admin, author, operator.</summary>
    public const string ReadConnectors = "connectors.read";

    /// <summary>Upload, delete and restore connector versions; test actions of uninstalled connectors: admin, author.</summary>
    public const string WriteConnectors = "connectors.write";

    /// <summary>Environments, parameter values, platform settings: admin, operator.</summary>
    public const string Configure = "configure";

    /// <summary>Invocation history and job status of every caller: admin, operator.</summary>
    public const string ReadHistory = "history.read";

    /// <summary>Invoke actions (invokers only of the connectors their key names): admin, invoker.</summary>
    public const string Invoke = "invoke";

    /// <summary>One job or invocation by id: history readers read all, invokers their own (checked by the endpoint).</summary>
    public const string ReadOwnHistory = "history.own";

    /// <summary>API keys and the audit log: admin.</summary>
    public const string Administer = "administer";

    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [ReadConnectors] = [Roles.Admin, Roles.Author, Roles.Operator],
        [WriteConnectors] = [Roles.Admin, Roles.Author],
        [Configure] = [Roles.Admin, Roles.Operator],
        [ReadHistory] = [Roles.Admin, Roles.Operator],
        [Invoke] = [Roles.Admin, Roles.Invoker],
        [ReadOwnHistory] = [Roles.Admin, Roles.Operator, Roles.Invoker],
        [Administer] = [Roles.Admin],
    };
}
