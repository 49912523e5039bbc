using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Tests.Infrastructure;

public static class TestTenantStore
{
    /// <summary>A tenant store on the given App_Data, without the rest of the portal.</summary>
    public static TenantStore Create(TempAppData appData) =>
        new(Options.Create(new PortalOptions { AppDataPath = appData.Path }), new HostingEnvironment { ContentRootPath = appData.Path });
}
