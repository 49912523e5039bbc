using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
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

        services.AddScoped<NetworkFacts>();
        services.AddScoped<MeetingPeople>();
        services.AddScoped<MeetingPlanner>();
        services.AddScoped<MeetingRoster>();
        services.AddScoped<CaseIntake>();
        services.AddScoped<MeetingAgenda>();
        services.AddScoped<MeetingResponses>();
        services.AddScoped<MeetingActions>();
        services.AddScoped<MeetingOverview>();
        services.AddScoped<MeetingAccess>();
    }

    public override void MapRoutes(IEndpointRouteBuilder routes)
    {
    }
}
