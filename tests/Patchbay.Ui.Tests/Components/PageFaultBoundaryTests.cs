using System.Net.Sockets;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Npgsql;
using Patchbay.Hub;
using Patchbay.Hub.Ui.Faults;

namespace Patchbay.Ui.Tests.Components;

/// <summary>A page's failure is shown in its place, with what to do and an id but never the exception's text, and "Try again" renders the page afresh.</summary>
public sealed class PageFaultBoundaryTests : BunitContext
{
    public PageFaultBoundaryTests()
    {
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddSingleton(new HubOptions { DataFolder = Path.GetTempPath() });
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void A_database_that_is_down_is_named_with_when_to_try_again()
    {
        var failures = new Failures(1, () => new NpgsqlException("connection refused", new SocketException((int)SocketError.ConnectionRefused)));

        var boundary = Render<PageFaultBoundary>(p => p.AddChildContent<FailingPage>(c => c.Add(f => f.Failures, failures)));

        boundary.Find("h1").TextContent.ShouldBe("The hub cannot do this right now");
        boundary.Find("[data-testid=page-fault]").TextContent.ShouldContain("The hub's PostgreSQL database is unavailable; nothing was stored.");
        boundary.Find("[data-testid=page-fault]").TextContent.ShouldContain("Try again in 5 seconds.");
        boundary.FindAll("[data-testid=page-fault] code").ShouldBeEmpty(); // no id: the log names the fault itself
    }

    [Fact]
    public void Another_failure_shows_an_id_not_its_text_and_try_again_renders_the_page_afresh()
    {
        var failures = new Failures(1, () => new InvalidOperationException("Password=hunter2"));

        var boundary = Render<PageFaultBoundary>(p => p.AddChildContent<FailingPage>(c => c.Add(f => f.Failures, failures)));

        boundary.Find("h1").TextContent.ShouldBe("Something went wrong");
        boundary.Markup.ShouldNotContain("hunter2");
        boundary.Find("[data-testid=page-fault] code").TextContent.ShouldMatch("^[0-9a-f]{12}$");
        boundary.Find("button").Click();
        boundary.WaitForAssertion(() => boundary.Find("[data-testid=loaded]").TextContent.ShouldBe("Loaded"));
    }

    /// <summary>The failures a page meets while it loads, the first ones only.</summary>
    private sealed class Failures(int count, Func<Exception> make)
    {
        public Exception? Next() => count-- > 0 ? make() : null;
    }

    /// <summary>A page whose loading fails as long as its <see cref="Failures"/> say so.</summary>
    private sealed class FailingPage : ComponentBase
    {
        [Parameter]
        public Failures Failures { get; set; } = new(0, () => new InvalidOperationException());

        protected override Task OnInitializedAsync() => Failures.Next() is { } failure ? Task.FromException(failure) : Task.CompletedTask;

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "data-testid", "loaded");
            builder.AddContent(2, "Loaded");
            builder.CloseElement();
        }
    }
}
