using NetvaerkPortal.Data;
using NetvaerkPortal.Display;

namespace NetvaerkPortal.Tenants;

/// <summary>The platform's part of releasing an idle tenant: its pooled database connections, its features and site
/// display, and its parsed template overrides. Each is read again on the tenant's next request.</summary>
public sealed class TenantCoreRelease(TenantFeatures features, SiteDisplays displays, TemplateResolver templates, Data.TenantDbOptions dbOptions) : ITenantRelease
{
    public bool Release(TenantSettings tenant, string sitePath)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        features.Forget(tenant.Name);
        displays.Forget(tenant.Name);
        templates.ForgetTenant(tenant.Name);
        dbOptions.Forget(tenant.Name);
        DatabaseProviders.ReleaseConnections(tenant, sitePath);
        return true;
    }
}
