using Microsoft.AspNetCore.Http;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Security;

/// <summary>
/// What a change to keys or users came to: a value, or a problem (status, detail, field errors). The API turns it
/// into a response (<see cref="ToResult"/>), the admin pages show the detail and the errors to the person.
/// </summary>
public sealed record AccessOutcome<T>(T? Value, int Status, string? Detail, IReadOnlyList<ProblemError> Errors)
{
    public bool Succeeded => Detail is null;

    /// <summary>The problem as the person reads it: the detail, then each field error.</summary>
    public string Message => string.Join(" ", new[] { Detail ?? "" }.Concat(Errors.Select(e => $"{e.Path}: {e.Message}")));

    /// <summary>The API's answer: the value with <paramref name="status"/>, no content when <paramref name="status"/> is 204, or the problem.</summary>
    public IResult ToResult(int status = 200) => Status switch
    {
        StatusCodesFor.BadRequest => ApiProblems.Invalid(Detail!, Errors),
        _ when !Succeeded => ApiProblems.Problem(Status, Detail!),
        _ when status == StatusCodes.Status204NoContent => Results.NoContent(),
        _ => Results.Json(Value, HubJson.Options, statusCode: status),
    };
}

/// <summary>Makes <see cref="AccessOutcome{T}"/>s.</summary>
public static class AccessOutcome
{
    public static AccessOutcome<T> Done<T>(T value) => new(value, 200, null, []);

    public static AccessOutcome<T> Invalid<T>(string detail, IReadOnlyList<ProblemError> errors) => new(default, StatusCodesFor.BadRequest, detail, errors);

    public static AccessOutcome<T> NotFound<T>(string detail) => new(default, StatusCodesFor.NotFound, detail, []);

    public static AccessOutcome<T> Conflict<T>(string detail) => new(default, StatusCodesFor.Conflict, detail, []);
}
