using Patchbay.Hub.Api;
using Patchbay.Hub.Ui.Faults;

namespace Patchbay.Hub.Tests.Operations;

/// <summary>The error page for people says what the problem document says, and nothing in it can carry markup.</summary>
public sealed class ErrorPageTests
{
    [Fact]
    public void The_page_gives_the_status_detail_what_to_do_the_request_id_and_a_way_home()
    {
        var page = ErrorPage.Render(ApiProblems.Document(507, "The hub's data folder has no space left; nothing was stored. Free space and try again."), 5, "0HN:00000001", "/hub/");

        page.ShouldContain("<html lang=\"en\">");
        page.ShouldContain("<title>The hub has no storage space left · Patchbay</title>");
        page.ShouldContain("507 Insufficient Storage");
        page.ShouldContain("<h1>The hub has no storage space left</h1>");
        page.ShouldContain("The hub&#x27;s data folder has no space left; nothing was stored.");
        page.ShouldContain("Tell the hub&#x27;s operator, who can free space; then try again.");
        page.ShouldContain("Request id: <code>0HN:00000001</code>");
        page.ShouldContain("<a href=\"/hub/\">");
    }

    [Theory]
    [InlineData(429, 3, "Wait 3 seconds and try again.")]
    [InlineData(503, 1, "Try again in a second.")]
    [InlineData(503, null, "Try again in a moment.")]
    [InlineData(413, null, "Send a smaller file or less text.")]
    public void What_to_do_follows_the_status_and_retry_after(int status, int? retryAfter, string advice) =>
        FaultAdvice.WhatToDo(status, retryAfter).ShouldStartWith(advice);

    [Fact]
    public void Every_value_is_encoded()
    {
        const string Injected = "<script>alert(1)</script><img src=x onerror=alert(2)>";

        var page = ErrorPage.Render(ApiProblems.Document(400, "Bad " + Injected), null, "\"><script>alert(3)</script>", "/\" onmouseover=\"alert(4)");

        page.ShouldNotContain("<script");
        page.ShouldNotContain("<img");
        page.ShouldNotContain("\" onmouseover");
        page.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
