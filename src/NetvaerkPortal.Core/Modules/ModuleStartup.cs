using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace NetvaerkPortal.Modules;

/// <summary>A module's entry point: its services go into the one process-wide container, its routes
/// are mapped once and answer only on tenants that enabled the module's feature.</summary>
public abstract class ModuleStartup
{
    public virtual void ConfigureServices(IServiceCollection services) { }

    public virtual void MapRoutes(IEndpointRouteBuilder routes) { }
}
