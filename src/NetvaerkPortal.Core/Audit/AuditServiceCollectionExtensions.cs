using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NetvaerkPortal.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log of the current tenant, and the managing tenant's log for tenant actions. A host that
    /// acts for someone other than a request (the command line) registers its own <see cref="AuditOrigin"/> after this.</summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton(AuditOrigin.System);
        services.AddScoped<AuditLog>();
        services.AddSingleton<ManagingTenantAudit>();
        return services.AddPlatformAuditActions();
    }
}
