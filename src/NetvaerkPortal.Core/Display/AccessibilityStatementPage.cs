using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;

namespace NetvaerkPortal.Display;

/// <summary>The built-in accessibility statement (<i>tilgængelighedserklæring</i>) at <c>/was</c>, which every page's
/// footer links to unless the organisation gave the address of its own: rendered from the template
/// <c>AccessibilityStatement</c> (Netvaerk.Content ships it, so every tenant has it; a theme or tenant may override it)
/// with the organisation's name and contact. A published content item at the path "was" is shown instead
/// (<see cref="ContentPathFirst"/>); an organisation with its own statement elsewhere is sent there.</summary>
public static class AccessibilityStatementPage
{
    /// <summary>Digitaliseringsstyrelsen supervises web accessibility and takes complaints.</summary>
    public const string ComplaintUrl = "https://www.digst.dk/";

    public static IEndpointRouteBuilder MapAccessibilityStatement(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(SiteBranding.DefaultAccessibilityStatementPath, RenderAsync)
            .WithMetadata(new ContentPathFirst("was"))
            .ExcludeFromDescription()
            .CacheOutput(AnonymousPageCache.PolicyName);
        return routes;
    }

    private static async Task<IResult> RenderAsync(PageDisplay display, CancellationToken cancellationToken)
    {
        var branding = (await display.SiteAsync(cancellationToken)).Branding;
        if (branding.AccessibilityStatementUrl.Length > 0)
        {
            return Results.Redirect(branding.AccessibilityStatementUrl);
        }

        var model = new AccessibilityStatementModel(branding.SiteName, branding.FooterContact, ComplaintUrl);
        return await display.PageAsync(["AccessibilityStatement"], model, new PageOptions("Tilgængelighedserklæring") { TranslateTitle = true }, cancellationToken);
    }

    public sealed record AccessibilityStatementModel(string SiteName, string Contact, string ComplaintUrl);
}
