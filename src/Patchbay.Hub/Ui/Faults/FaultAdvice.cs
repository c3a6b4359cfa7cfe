using System.Globalization;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Ui.Faults;

/// <summary>
/// What a person is told, beside the problem's own detail, when the hub refuses or fails what they asked: a
/// heading and what to do, by status. The error page of a request (<see cref="ErrorPage"/>) and the fault shown
/// inside an open page (<c>PageFaultBoundary</c>) use these words, so both say the same.
/// </summary>
public static class FaultAdvice
{
    public static string Heading(int status) => status switch
    {
        StatusCodesFor.Unauthorized => "You are not signed in",
        StatusCodesFor.Forbidden => "You may not do this",
        StatusCodesFor.NotFound => "Not found",
        StatusCodesFor.PayloadTooLarge => "What you sent is too large",
        StatusCodesFor.TooManyRequests => "Too many requests",
        StatusCodesFor.ServiceUnavailable => "The hub cannot do this right now",
        StatusCodesFor.InsufficientStorage => "The hub has no storage space left",
        < 500 => "The hub could not take this request",
        _ => "Something went wrong",
    };

    /// <summary>What the person can do about it.</summary>
    /// <param name="status">The answer's status.</param>
    /// <param name="retryAfterSeconds">When to try again (the answer's <c>Retry-After</c>), if the hub said.</param>
    public static string WhatToDo(int status, int? retryAfterSeconds) => status switch
    {
        StatusCodesFor.Unauthorized => "Sign in and try again.",
        StatusCodesFor.Forbidden => "Ask an administrator for a role that may do this.",
        StatusCodesFor.NotFound => "Check the address, or start again from the home page.",
        StatusCodesFor.PayloadTooLarge => "Send a smaller file or less text.",
        StatusCodesFor.TooManyRequests => $"Wait {Seconds(retryAfterSeconds)} and try again.",
        StatusCodesFor.ServiceUnavailable => $"Try again in {Seconds(retryAfterSeconds)}. If it keeps happening, tell the hub's operator.",
        StatusCodesFor.InsufficientStorage => "Tell the hub's operator, who can free space; then try again.",
        < 500 => "Go back, reload the page and try again.",
        _ => "Try again. If it keeps happening, tell the hub's operator the id below: the hub's log has the cause under it.",
    };

    private static string Seconds(int? seconds) => seconds switch
    {
        null => "a moment",
        1 => "a second",
        var s => string.Create(CultureInfo.InvariantCulture, $"{s} seconds"),
    };
}
