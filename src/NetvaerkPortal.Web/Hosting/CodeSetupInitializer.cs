using NetvaerkPortal.Data;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Web.Hosting;

/// <summary>Until recipes run setup: enables every module for the new tenant.</summary>
public sealed class CodeSetupInitializer(ModuleCatalog modules, TenantFeatures features) : ITenantInitializer
{
    public async Task<IReadOnlyList<string>> InitializeAsync(IServiceProvider tenantServices, TenantSettings tenant, SetupContext context, CancellationToken cancellationToken)
    {
        var documents = tenantServices.GetRequiredService<SiteDocuments>();
        await features.SetAsync(tenant.Name, documents, modules.Ordered.Select(m => m.Id), cancellationToken);
        await tenantServices.GetRequiredService<PortalDbContext>().SaveChangesAsync(cancellationToken);
        return [];
    }
}
