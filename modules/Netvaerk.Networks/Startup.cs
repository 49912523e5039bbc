using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.Api;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Data;
using Netvaerk.Networks.Display;
using Netvaerk.Networks.Listing;
using Netvaerk.Networks.Members;
using Netvaerk.Networks.Security;
using Netvaerk.Networks.Writing;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Editing;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Modules;
using NetvaerkPortal.PersonalData;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<ContentDefinitionOptions>(options =>
        {
            options.Types.AddRange(NetworkContentTypes.Definitions);
            options.AddShapes(NetworkPartShapes.All);
        });

        services.AddModuleDbContext<NetworksDbContext>(NetworksDbContext.MigrationsHistoryTable);
        services.AddSingleton<ITenantMigration, NetworksDbMigration>();

        // In this order: the parts are checked (title trimmed, visibility defaulted) before the slug is made from the title.
        services.AddScoped<IContentHandler, NetworkPartsHandler>();
        services.AddScoped<IContentHandler, SlugHandler>();
        services.AddScoped<IContentHandler, ContentVisibilityIndexer>();
        services.AddScoped<IContentHandler, NetworkMembershipsHandler>();
        services.AddScoped<IPersonalDataHandler, NetworkMembershipPersonalData>();

        services.AddSingleton<IItemNetworks, NetworkItems>();
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<NetworkMembers>();
        services.AddNetworkAuditActions();
        services.AddScoped<NetworkReaderContext>();
        services.AddScoped<IReaderContext>(provider => provider.GetRequiredService<NetworkReaderContext>());
        services.AddScoped<ReadableContent>();
        services.AddScoped<IReadableContent>(provider => provider.GetRequiredService<ReadableContent>());
        services.AddNetworkPartEditors();
        // Coordinators reach the members page from the network's page; editors also from the network's editor.
        services.AddContentItemLink(Manifest.Id, NetworkContentTypes.Network, "Medlemmer", MembersPage.PathFor, PortalRoles.Administrator, PortalRoles.Editor);
        services.AddNetworkDisplay();
        services.AddScoped<ContentWrites>();
        services.AddScoped<SiteForms>();
    }

    public override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapContentApi();
        routes.MapMembersApi();
        routes.MapMembersPage();
        routes.MapWriting();
        routes.MapHistory();
        routes.MapItemPages();
    }
}
