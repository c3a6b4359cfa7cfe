using System.Globalization;
using System.Text.RegularExpressions;
using Patchbay.Core.Data;
using Patchbay.Core.Diagnostics;
using Patchbay.Core.Model;
using Patchbay.Core.Packaging;

namespace Patchbay.Core.Validation;

/// <summary>
/// Checks Patchbay's options of one Easy REST action: headers, query parameters, the body input, the
/// response paths, pagination, retries and the timeout. Limits keep one action from running away.
/// </summary>
internal static partial class RestOptionsValidator
{
    public const int MaxPages = 1000;
    public const int MaxItems = 1_000_000;
    public const int MaxAttempts = 10;
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    public static void Validate(ConnectorDefinition definition, ActionDefinition action, int index, DefinitionLocations at, DiagnosticList diagnostics)
    {
        var rest = action.Rest!;
        ValidateHeaders(definition, action, index, at, diagnostics);
        ValidateQuery(definition, action, index, at, diagnostics);
        ValidateBodyInput(action, index, at, diagnostics);
        ValidatePath(rest.ResultPath, "resultPath", at.RestOption(index, "resultPath"), diagnostics);
        if (rest.Pagination is { } pagination)
        {
            ValidatePagination(pagination, index, at, diagnostics);
        }

        if (rest.Retry is { } retry)
        {
            ValidateRetry(retry, index, at, diagnostics);
        }

        if (rest.Timeout is { } timeout && (timeout <= TimeSpan.Zero || timeout > MaxTimeout))
        {
            diagnostics.Error("timeout-out-of-range", at.RestOption(index, "timeoutSeconds"), $"timeoutSeconds is {Seconds(timeout)}; it must be more than 0 and at most {Seconds(MaxTimeout)} (one hour).");
        }
    }

    private static void ValidateHeaders(ConnectorDefinition definition, ActionDefinition action, int index, DefinitionLocations at, DiagnosticList diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in action.Rest!.Headers)
        {
            var location = at.RestOption(index, $"headers[\"{header.Name}\"]");
            if (!HttpTokenPattern().IsMatch(header.Name))
            {
                diagnostics.Error("invalid-header-name", location, $"'{header.Name}' is not a valid HTTP header name: use letters, digits and !#$%&'*+-.^_`|~, without spaces.");
            }
            else if (!seen.Add(header.Name))
            {
                diagnostics.Error("duplicate-header", location, $"The header '{header.Name}' is set twice (header names ignore case).");
            }

            if (header.Value.Any(c => char.IsControl(c) && c != '\t'))
            {
                diagnostics.Error("invalid-header-value", location, $"The value of '{header.Name}' holds a line break or another control character, which a header cannot carry.");
            }

            UrlTemplateValidator.ValidateValue(definition, action, header.Value, $"the header '{header.Name}'", location, diagnostics);
        }
    }

    private static void ValidateQuery(ConnectorDefinition definition, ActionDefinition action, int index, DefinitionLocations at, DiagnosticList diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in action.Rest!.Query)
        {
            var location = at.RestOption(index, $"query[\"{parameter.Name}\"]");
            if (string.IsNullOrWhiteSpace(parameter.Name))
            {
                diagnostics.Error("missing-query-name", location, "A query parameter has no name.");
            }
            else if (!seen.Add(parameter.Name))
            {
                diagnostics.Error("duplicate-query-parameter", location, $"The query parameter '{parameter.Name}' is set twice; a JSON object holds each name once.");
            }

            UrlTemplateValidator.ValidateValue(definition, action, parameter.Value, $"the query parameter '{parameter.Name}'", location, diagnostics);
        }
    }

    private static void ValidateBodyInput(ActionDefinition action, int index, DefinitionLocations at, DiagnosticList diagnostics)
    {
        var rest = action.Rest!;
        if (rest.BodyInput.Length == 0)
        {
            return;
        }

        var location = at.RestOption(index, "bodyInput");
        if (rest.Method is not ("POST" or "PUT" or "PATCH"))
        {
            diagnostics.Error("body-input-without-body", location, $"bodyInput is set but {rest.Method} sends no body; only POST, PUT and PATCH do.");
        }

        if (!action.Inputs.Any(i => string.Equals(i.Name, rest.BodyInput, StringComparison.Ordinal)))
        {
            var known = string.Join(", ", action.Inputs.Select(i => i.Name));
            diagnostics.Error("unknown-body-input", location, $"'{rest.BodyInput}' is not a top-level input of '{action.Name}' (known: {(known.Length == 0 ? "none" : known)}).");
        }
    }

    private static void ValidatePagination(RestPagination pagination, int index, DefinitionLocations at, DiagnosticList diagnostics)
    {
        Location At(string member) => at.RestOption(index, $"pagination.{member}");
        var kind = WireNames.Of(pagination.Kind);
        if (pagination.Kind != PaginationKind.NextLink && string.IsNullOrWhiteSpace(pagination.Parameter))
        {
            diagnostics.Error("missing-pagination-parameter", At("parameter"), $"{kind} pagination needs 'parameter': the query parameter that carries the {(pagination.Kind == PaginationKind.Cursor ? "cursor" : pagination.Kind == PaginationKind.Offset ? "offset" : "page number")}.");
        }

        if (pagination.Kind == PaginationKind.Cursor && pagination.NextPath.Length == 0)
        {
            diagnostics.Error("missing-pagination-next-path", At("nextPath"), "cursor pagination needs 'nextPath': where the next cursor is in each page's body.");
        }

        ValidatePath(pagination.ItemsPath, "itemsPath", At("itemsPath"), diagnostics);
        ValidatePath(pagination.NextPath, "nextPath", At("nextPath"), diagnostics);
        CheckRange(pagination.PageSize, 1, int.MaxValue, "pageSize", At("pageSize"), diagnostics);
        CheckRange(pagination.Start, 0, int.MaxValue, "start", At("start"), diagnostics);
        CheckRange(pagination.MaxPages, 1, MaxPages, "maxPages", At("maxPages"), diagnostics);
        CheckRange(pagination.MaxItems, 1, MaxItems, "maxItems", At("maxItems"), diagnostics);
    }

    private static void CheckRange(int value, int min, int max, string name, Location location, DiagnosticList diagnostics)
    {
        if (value < min || value > max)
        {
            var range = max == int.MaxValue ? $"at least {min}" : $"from {min} to {max:N0}";
            diagnostics.Error("pagination-out-of-range", location, $"{name} is {value}; it must be {range}.");
        }
    }

    private static void ValidateRetry(RestRetry retry, int index, DefinitionLocations at, DiagnosticList diagnostics)
    {
        Location At(string member) => at.RestOption(index, $"retry.{member}");
        if (retry.MaxAttempts is < 1 or > MaxAttempts)
        {
            diagnostics.Error("retry-out-of-range", At("maxAttempts"), $"maxAttempts is {retry.MaxAttempts}; it must be from 1 to {MaxAttempts} (the first attempt included).");
        }

        if (retry.InitialDelay <= TimeSpan.Zero)
        {
            diagnostics.Error("retry-out-of-range", At("initialDelaySeconds"), $"initialDelaySeconds is {Seconds(retry.InitialDelay)}; it must be more than 0.");
        }
        else if (retry.InitialDelay > retry.MaxDelay && retry.MaxDelay > TimeSpan.Zero)
        {
            diagnostics.Error("retry-out-of-range", At("initialDelaySeconds"), $"initialDelaySeconds ({Seconds(retry.InitialDelay)}) is more than maxDelaySeconds ({Seconds(retry.MaxDelay)}).");
        }

        if (retry.MaxDelay <= TimeSpan.Zero || retry.MaxDelay > MaxRetryDelay)
        {
            diagnostics.Error("retry-out-of-range", At("maxDelaySeconds"), $"maxDelaySeconds is {Seconds(retry.MaxDelay)}; it must be more than 0 and at most {Seconds(MaxRetryDelay)} (ten minutes).");
        }
    }

    private static void ValidatePath(string path, string name, Location location, DiagnosticList diagnostics)
    {
        if (path.Length > 0 && !ResponsePath.IsValid(path))
        {
            diagnostics.Error("invalid-path", location, $"{name} '{path}' is not a path: write names separated by dots, with list indexes in brackets (e.g. data.items or results[0].id), and no empty part.");
        }
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.#######", CultureInfo.InvariantCulture);

    // RFC 9110 §5.6.2: token = 1*tchar.
    [GeneratedRegex("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex HttpTokenPattern();
}
