using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Netvaerk.Search.Lucene.Indexes;
using Netvaerk.Search.Lucene.Pages;
using Netvaerk.Search.Lucene.Searching;
using Netvaerk.Search.Lucene.Security;
using NetvaerkPortal.Display;
using NetvaerkPortal.Modules;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Security;

namespace Netvaerk.Search.Lucene;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddRecipeStep<LuceneIndexStep>().AddRecipeStep<LuceneIndexRebuildStep>();
        services.AddSingleton<LuceneIndexRegistry>();
        services.AddSingleton<SearchConfigurations>();
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService<SearchIndexingService>();
        services.AddSingleton<NetvaerkPortal.Tenants.ITenantRelease, SearchTenantRelease>();
        services.AddScoped<SearchService>();

        // Until the Networks module brings memberships, readers come from their roles alone.
        services.AddHttpContextAccessor();
        services.TryAddScoped<IReaderContext, RoleReaderContext>();

        services.AddMenuEntry(new MenuEntry(Menus.Main, "Søg", "/search", 10, Manifest.Id));
        services.AddMenuEntry(new MenuEntry(Menus.Admin, "Søgning", "/admin/search", 60, Manifest.Id, [PortalRoles.Administrator], "Indeks, genopbygning og synonymer"));
        services.AddFrontPageSection<SearchFrontPageSection>();
    }

    public override void MapRoutes(IEndpointRouteBuilder routes) => routes.MapSearch();
}
