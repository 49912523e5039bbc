using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Editing;
using NetvaerkPortal.Display;
using NetvaerkPortal.Security;

namespace Netvaerk.Meetings.Protocols;

public static class ProtocolsServiceCollectionExtensions
{
    /// <summary>The Protocol content type, its handler, the catalog and writes, the stylesheet, the menu link and the
    /// administration's link from a protocol to its phase editor.</summary>
    public static IServiceCollection AddProtocols(this IServiceCollection services)
    {
        services.Configure<ContentDefinitionOptions>(options => options.Types.Add(ProtocolContentType.Definition));
        services.AddScoped<IContentHandler, ProtocolPartHandler>();
        services.AddScoped<ProtocolCatalog>();
        services.AddScoped<ProtocolWrites>();
        services.AddStylesheet(Manifest.Id, $"/{Manifest.Id}/css/protocols.css");
        services.AddMenuEntry(new MenuEntry(Menus.Main, "Protokoller", ProtocolPages.ListPath, 25, Manifest.Id) { SignedInOnly = true });
        services.AddContentItemLink(Manifest.Id, ProtocolPart.ContentType, "Rediger faserne", ProtocolEditorPages.EditPath, PortalRoles.Administrator, PortalRoles.Editor);
        return services;
    }

    public static IEndpointRouteBuilder MapProtocols(this IEndpointRouteBuilder routes)
    {
        routes.MapProtocolsApi();
        routes.MapProtocolPages();
        return routes;
    }
}
