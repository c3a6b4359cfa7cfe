using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Patchbay.Hub.Api;

namespace Patchbay.Hub.Ui.Faults;

/// <summary>
/// The page a person's browser gets where a program gets a problem document (<see cref="ApiPaths.WantsPage"/>):
/// the same status and <c>Retry-After</c>, the problem's detail, what to do (<see cref="FaultAdvice"/>), the
/// request id and a way home. It is small self-contained HTML, with no script and nothing more to fetch, because it
/// must show when the hub can serve nothing else (its database down, its disk full, the client over its rate
/// limit). Every value is HTML-encoded, and the page's policy forbids scripts should one slip through anyway.
/// </summary>
public static class ErrorPage
{
    public static Task WriteAsync(HttpContext context, ProblemBody problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        var response = context.Response;
        response.StatusCode = problem.Status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        var retryAfter = int.TryParse(response.Headers.RetryAfter, out var seconds) ? seconds : (int?)null;
        return response.WriteAsync(Render(problem, retryAfter, context.TraceIdentifier, context.Request.PathBase + "/"), context.RequestAborted);
    }

    /// <summary>The page's HTML: every value passed in is encoded.</summary>
    public static string Render(ProblemBody problem, int? retryAfterSeconds, string requestId, string home)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var e = HtmlEncoder.Default;
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{e.Encode(FaultAdvice.Heading(problem.Status))}} · Patchbay</title>
            <style>
            body { margin: 0; font-family: Roboto, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2933; background: #eef2f6; line-height: 1.5; }
            main { max-width: 36rem; margin: 10vh auto; padding: 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0, 0, 0, .2); }
            .status { margin: 0; color: #52606d; font-size: .9rem; }
            h1 { margin: .25rem 0 1rem; font-size: 1.6rem; font-weight: 500; }
            code { font-size: 1rem; background: #eef2f6; padding: .1rem .3rem; border-radius: 4px; word-break: break-all; }
            a { color: #1f5f8b; }
            a:focus { outline: 2px solid #1f5f8b; outline-offset: 2px; }
            </style>
            </head>
            <body>
            <main>
            <p class="status">Patchbay · {{problem.Status}} {{e.Encode(problem.Title)}}</p>
            <h1>{{e.Encode(FaultAdvice.Heading(problem.Status))}}</h1>
            <p>{{e.Encode(problem.Detail)}}</p>
            <p>{{e.Encode(FaultAdvice.WhatToDo(problem.Status, retryAfterSeconds))}}</p>
            <p>Request id: <code>{{e.Encode(requestId)}}</code></p>
            <p><a href="{{e.Encode(home)}}">Back to Patchbay's home page</a></p>
            </main>
            </body>
            </html>
            """;
    }
}
