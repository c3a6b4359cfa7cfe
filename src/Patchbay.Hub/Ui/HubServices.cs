using Microsoft.Extensions.DependencyInjection;

namespace Patchbay.Hub.Ui;

/// <summary>
/// The hub's services for UI components. A Blazor circuit lives as long as the browser tab, and its scoped
/// services with it, but a DbContext must not serve two operations at once: so each call gets a scope of its own,
/// as each API request does.
/// </summary>
/// <example><code>var connectors = await Hub.UseAsync&lt;ConnectorReader, IReadOnlyList&lt;ConnectorListItem&gt;&gt;(r => r.ListAsync(search, ct));</code></example>
public sealed class HubServices(IServiceScopeFactory scopes)
{
    public async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = scopes.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task UseAsync<TService>(Func<TService, Task> use)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = scopes.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
