using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Protocols;
using NetvaerkPortal.Data;
using NetvaerkPortal.Modules;

namespace Netvaerk.Meetings;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddDbContext<MeetingsDbContext>(
            (provider, options) => DatabaseProviders.ConfigureModule(
                options, provider.GetRequiredService<PortalDbContext>(), typeof(MeetingsDbContext).Assembly.FullName!, MeetingsDbContext.MigrationsHistoryTable),
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Scoped);
        services.AddSingleton<ITenantMigration, MeetingsDbMigration>();

        // Protocols
        services.AddProtocols();
        // End of Protocols
    }

    public override void MapRoutes(IEndpointRouteBuilder routes)
    {
        // Protocols
        routes.MapProtocols();
        // End of Protocols
    }
}
