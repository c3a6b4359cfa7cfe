using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Http;

namespace Patchbay.Hub.Ui.Console;

/// <summary>
/// A page whose content follows its URL's query string: it loads when it opens and again whenever the query
/// changes (Blazor keeps the same component when only the query changes, and does not set its parameters again).
/// </summary>
public abstract class QueryDrivenPage : ComponentBase, IDisposable
{
    private string? _path;

    [Inject]
    protected NavigationManager Navigation { get; set; } = null!;

    /// <summary>Loads what the query asks for.</summary>
    protected abstract Task LoadAsync(IQueryCollection query);

    /// <summary>Goes to this page with these query parameters changed (null or empty removes one).</summary>
    protected void NavigateWith(IReadOnlyDictionary<string, string?> parameters) =>
        Navigation.NavigateTo(PageQuery.With(Navigation, parameters));

    protected override Task OnInitializedAsync()
    {
        _path = PathOf(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
        return LoadAsync(PageQuery.Current(Navigation));
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        GC.SuppressFinalize(this);
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (PathOf(e.Location) != _path)
        {
            return; // leaving the page
        }

        _ = InvokeAsync(async () =>
        {
            try
            {
                await LoadAsync(PageQuery.Current(Navigation));
                StateHasChanged();
            }
            catch (Exception e)
            {
                // Outside any event a failure would be lost: it is the page's fault (Ui/Faults/PageFaultBoundary).
                await DispatchExceptionAsync(e);
            }
        });
    }

    private static string PathOf(string uri) => new Uri(uri).AbsolutePath;
}
