using Microsoft.Extensions.DependencyInjection;

namespace NetvaerkPortal.Tenants;

/// <summary>Opens a service scope that belongs to one tenant, for work outside a request (setup, commands, indexing).</summary>
public sealed class TenantScopes(IServiceScopeFactory scopeFactory, TenantStore store)
{
    public AsyncServiceScope Create(TenantSettings tenant)
    {
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant, store.SitePath(tenant.Name));
        return scope;
    }
}
