using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Netvaerk.Networks.Display.Parts;
using NetvaerkPortal.Content.Editing;
using NetvaerkPortal.Display;

namespace Netvaerk.Networks.Display;

public static class NetworkDisplayServiceCollectionExtensions
{
    /// <summary>The module's display: a driver per part (in the order the parts are shown), the item shapes, the front-page
    /// sections and the stylesheet (screen and print).</summary>
    public static IServiceCollection AddNetworkDisplay(this IServiceCollection services)
    {
        services.AddScoped<IPartDisplay, MarkdownBodyPartDisplay>();
        services.AddScoped<IPartDisplay>(provider => new FieldFactsDisplay("NetworkPart", provider.GetRequiredService<IOptions<PartEditorOptions>>(), provider.GetRequiredService<MarkdownRenderer>()));
        services.AddScoped<IPartDisplay>(provider => new FieldFactsDisplay("CasePart", provider.GetRequiredService<IOptions<PartEditorOptions>>(), provider.GetRequiredService<MarkdownRenderer>()));
        services.AddScoped<IPartDisplay, MeetingNotePartDisplay>();
        services.AddScoped<IPartDisplay, NetworkItemPartDisplay>();
        services.AddScoped<IPartDisplay, TagsPartDisplay>();
        services.AddScoped<IPartDisplay, VisibilityPartDisplay>();
        services.AddScoped<IPartDisplay, NetworkActivityDisplay>();
        services.AddScoped<ItemShapes>();
        services.AddFrontPageSection<MyNetworksSection>();
        services.AddFrontPageSection<LatestItemsSection>();
        services.AddStylesheet(Manifest.Id, $"/{Manifest.Id}/css/networks.css");
        return services;
    }
}
