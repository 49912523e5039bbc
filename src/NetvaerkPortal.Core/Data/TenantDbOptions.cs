using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Data;

/// <summary>The EF options of the tenants' contexts, built once per tenant database (the platform's) or engine (a module's,
/// which borrows the platform context's connection) instead of once per request: building them per request was about a
/// tenth of a signed-in page.</summary>
public sealed class TenantDbOptions
{
    private readonly ConcurrentDictionary<(string Tenant, string Provider, string ConnectionString, string SitePath), DbContextOptions<PortalDbContext>> _portal = new();
    private readonly ConcurrentDictionary<(Type Context, bool Postgres), DbContextOptions> _modules = new();

    public DbContextOptions<PortalDbContext> Portal(TenantContext tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var settings = tenant.Settings;
        return _portal.GetOrAdd((settings.Name, settings.DatabaseProvider, settings.ConnectionString, tenant.SitePath), _ =>
        {
            var options = new DbContextOptionsBuilder<PortalDbContext>();
            DatabaseProviders.Configure(options, settings, tenant.SitePath);
            return options.Options;
        });
    }

    /// <summary>A module context's options for the engine of <paramref name="portal"/>, without a connection: the context
    /// takes the platform context's connection when it is first used (<see cref="ModuleDbContext"/>).</summary>
    public DbContextOptions<TContext> Module<TContext>(PortalDbContext portal, string historyTable)
        where TContext : ModuleDbContext
    {
        ArgumentNullException.ThrowIfNull(portal);
        return (DbContextOptions<TContext>)_modules.GetOrAdd((typeof(TContext), portal.IsPostgres), key =>
        {
            var options = new DbContextOptionsBuilder<TContext>();
            DatabaseProviders.ConfigureModule(options, key.Postgres, typeof(TContext).Assembly.FullName!, historyTable);
            return options.Options;
        });
    }

    /// <summary>Forgets a released or removed tenant's options (the next request builds them again).</summary>
    public void Forget(string tenantName)
    {
        foreach (var key in _portal.Keys.Where(key => TenantNames.Same(key.Tenant, tenantName)))
        {
            _portal.TryRemove(key, out _);
        }
    }
}

public static class TenantDbContextRegistration
{
    /// <summary>Registers a module's context, made per request on the tenant's platform connection (so both share one
    /// transaction) with options kept per engine, and its own migrations history table.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string historyTable)
        where TContext : ModuleDbContext
    {
        services.TryAddSingleton<TenantDbOptions>();
        services.AddScoped(provider => provider.GetRequiredService<TenantDbOptions>().Module<TContext>(provider.GetRequiredService<PortalDbContext>(), historyTable));
        services.AddScoped<TContext>();
        return services;
    }
}
