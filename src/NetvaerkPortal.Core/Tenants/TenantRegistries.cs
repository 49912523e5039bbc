using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetvaerkPortal.Tenants;

/// <summary>Chooses the tenant registry from <c>Portal:Database:Provider</c>: PostgreSQL's host schema for Postgres,
/// App_Data/tenants.json otherwise (the default, exactly as on one node).</summary>
public static class TenantRegistries
{
    public static ITenantRegistry Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<PortalOptions>>().Value;
        if (string.Equals(options.Database.Provider, PostgresTenantRegistry.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            return new PostgresTenantRegistry(options.Database.ConnectionString, services.GetRequiredService<TenantChanges>(),
                services.GetRequiredService<ILogger<PostgresTenantRegistry>>());
        }

        var environment = services.GetRequiredService<IHostEnvironment>();
        return new JsonTenantRegistry(Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.AppDataPath)));
    }

    public static IServiceCollection AddTenantRegistry(this IServiceCollection services)
    {
        services.AddSingleton<TenantChanges>();
        services.AddSingleton(TenantRegistries.Create);
        services.AddSingleton(provider => new TenantStore(
            provider.GetRequiredService<IOptions<PortalOptions>>(), provider.GetRequiredService<IHostEnvironment>(),
            provider.GetRequiredService<ITenantRegistry>(), provider.GetRequiredService<TenantChanges>()));
        return services;
    }
}
