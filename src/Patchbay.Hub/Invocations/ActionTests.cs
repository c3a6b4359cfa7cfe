using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Validation;
using Patchbay.Hub.Api;
using Patchbay.Hub.Configuration;
using Patchbay.Hub.Connectors;
using Patchbay.Hub.Security;
using Patchbay.Runtime.Invocation;

namespace Patchbay.Hub.Invocations;

/// <summary>
/// Test runs of an action of a package that is not installed (the editor's Test panel and
/// <c>POST /api/v1/test/actions/{action}</c>): the same runtime and history as every invocation, with parameter
/// values given inline or read from an environment where the connector's major version is installed.
/// </summary>
public sealed class ActionTests(InvocationService invocations, ConnectorCatalog catalog, ConfigResolver configs, Environments environments)
{
    /// <summary>Inline values never share a worker or a token cache with an environment's.</summary>
    public const string InlineCredentialDomain = "test";

    public const int MaxTimeoutSeconds = 600;

    /// <summary>Validates the package, finds the parameter values, runs the action and records it as a test run.</summary>
    /// <returns>The run, or the problem the API answers: 400 (an invalid package or request, each error placed), 404 (no such environment, or the connector is not installed), 409 (the installed connector of that name is another one).</returns>
    public async Task<(ActionTestRun? Run, IResult? Problem)> RunAsync(ActionTest test, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(caller);
        var definition = test.Package.Definition;
        var problems = ConnectorValidator.Validate(test.Package, DefinitionLocations.Bizc);
        if (problems.Any(p => p.IsError))
        {
            return (null, ApiProblems.Invalid($"The package {definition.Name} is not valid: fix the problems listed before testing.", problems));
        }

        if (Refusal(test) is { } refusal)
        {
            return (null, refusal);
        }

        if (test.Environment is not null && !MayUseEnvironments(caller))
        {
            return (null, ApiProblems.Problem(StatusCodesFor.Forbidden, "Testing with an environment's stored values needs the right to configure environments (admin, operator), since the tested code reads their secrets; give the values inline."));
        }

        ResolvedConfig? config = null;
        if (test.Environment is { } environment)
        {
            (config, var problem) = await EnvironmentConfigAsync(definition, environment, cancellationToken);
            if (problem is not null)
            {
                return (null, problem);
            }
        }

        var command = new InvocationCommand(caller, definition.Name, VersionNumbers.Major(definition.Version), test.Action, config?.Environment ?? "", test.Inputs) { Mode = InvocationModes.Test };
        var request = new InvocationRequest
        {
            Connector = test.Package,
            Action = test.Action,
            Inputs = test.Inputs,
            ConnectorParameters = config?.ConnectorParameters ?? test.ConnectorParameters,
            AuthenticationParameters = config?.AuthenticationParameters ?? test.AuthenticationParameters,
            CredentialDomain = config?.Environment ?? InlineCredentialDomain,
            Timeout = test.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : config?.Timeout,
            EnableLog = test.Log,
        };
        var (record, result) = await invocations.RunAndRecordAsync(command, request, definition.Name, definition.Version, config?.Environment, cancellationToken);
        return (new ActionTestRun(InvocationAnswers.From(record, result), result.Logs, result.HttpCalls, result.Diagnostics), null);
    }

    /// <summary>
    /// Whether the caller may test with an environment's stored values: the code under test reads their secrets, so
    /// only those who may configure environments (and so set those secrets) may, not every author.
    /// </summary>
    public static bool MayUseEnvironments(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Policies.RolesOf[Policies.Configure].Contains(caller.Role, StringComparer.Ordinal);
    }

    /// <summary>
    /// The environments whose stored values a test of this connector may use: every environment when its major
    /// version is installed (as the same connector, by globalguid); null when it is not, so there are no values.
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnvironmentChoicesAsync(ConnectorDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var installed = await catalog.GetCurrentAsync(definition.Name, VersionNumbers.Major(definition.Version), cancellationToken);
        if (installed is null || !SameConnector(installed, definition))
        {
            return null;
        }

        return [.. (await environments.ListAsync(cancellationToken)).Select(e => e.Name)];
    }

    private static IResult? Refusal(ActionTest test)
    {
        if (test.TimeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            return ApiProblems.Invalid("The timeout is out of range.", [ProblemError.Field("request.timeoutSeconds", $"Between 1 and {MaxTimeoutSeconds} seconds.")]);
        }

        if (test.Environment is not null && (test.ConnectorParameters.Count > 0 || test.AuthenticationParameters.Count > 0))
        {
            return ApiProblems.Invalid("Parameter values come either from an environment or inline, not both.", [ProblemError.Field("request.environment", "Leave out connectorParameters and authenticationParameters when an environment gives the values.")]);
        }

        return null;
    }

    /// <summary>The environment's stored values (secrets decrypted, for the runtime only), kept to the parameters the tested package declares.</summary>
    private async Task<(ResolvedConfig? Config, IResult? Problem)> EnvironmentConfigAsync(ConnectorDefinition definition, string environment, CancellationToken cancellationToken)
    {
        var major = VersionNumbers.Major(definition.Version);
        var installed = await catalog.GetCurrentAsync(definition.Name, major, cancellationToken);
        if (installed is null)
        {
            return (null, ApiProblems.Invalid($"No connector '{definition.Name}' with major version {major} is installed: environments hold values only for installed connectors.", [ProblemError.Field("request.environment", "Give the values inline, or install the connector and configure it first.")]));
        }

        if (!SameConnector(installed, definition))
        {
            return (null, ApiProblems.Conflict($"The installed '{installed.Name}' is another connector (another globalguid); its configuration is not used for this package."));
        }

        var config = await configs.ResolveAsync(installed, environment, cancellationToken);
        return config is null
            ? (null, Results.Json(ApiProblems.Document(StatusCodesFor.NotFound, $"There is no environment '{environment}'.", [ProblemError.Field("request.environment", "Unknown environment.")]), HubJson.Options, "application/problem+json", StatusCodesFor.NotFound))
            : (config.DeclaredBy(definition), null);
    }

    private static bool SameConnector(InstalledConnector installed, ConnectorDefinition definition) =>
        string.Equals(installed.Package.Definition.GlobalGuid, definition.GlobalGuid, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One test run to make: the package as it is now, the action, its inputs, and where the parameter values come from.</summary>
public sealed record ActionTest(ConnectorPackage Package, string Action, JsonNode? Inputs)
{
    /// <summary>Connector-tab values given inline (none when <see cref="Environment"/> gives them).</summary>
    public IReadOnlyDictionary<string, string> ConnectorParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Authentication-tab values given inline.</summary>
    public IReadOnlyDictionary<string, string> AuthenticationParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>An environment whose stored values (and timeout, unless one is given) the test uses; null for inline values.</summary>
    public string? Environment { get; init; }

    /// <summary>1 to 600 seconds; null for the environment's timeout, else the platform default.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Whether the connector's LOG writes lines; on by default, since a test is where one reads them.</summary>
    public bool Log { get; init; } = true;
}

/// <summary>What a test run gives back: the API's answer, the log lines, the HTTP calls and the input problems (with their JSON paths).</summary>
public sealed record ActionTestRun(InvocationAnswer Answer, IReadOnlyList<InvocationLogLine> Logs, IReadOnlyList<HttpCallTrace> HttpCalls, IReadOnlyList<Diagnostic> Diagnostics);
