using Microsoft.Extensions.Caching.Memory;
using NetvaerkPortal.Display;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Web.Hosting;

/// <summary>The tenant's front page: the organisation's welcome and the sections its modules contribute.</summary>
/// <remarks>The sections are kept for a few seconds per tenant, content generation, language and what the reader may read
/// (<see cref="ReaderKeys"/>): members of the same networks share them, and a write starts a new generation.</remarks>
public static class FrontPageEndpoint
{
    public static IEndpointRouteBuilder MapFrontPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", RenderAsync).ExcludeFromDescription().CacheOutput(AnonymousPageCache.PolicyName);
        return routes;
    }

    private static async Task<IResult> RenderAsync(PageDisplay display, IEnumerable<IFrontPageSection> sections, IReaderContext readers, IMemoryCache cache,
        TenantContext tenant, IndexingSignal signal, MarkdownRenderer markdown, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var site = await display.SiteAsync(cancellationToken);
        var reader = await readers.GetReaderAsync(cancellationToken);
        var key = (typeof(FrontPageEndpoint), tenant.Name, signal.Generation(tenant.Name), System.Globalization.CultureInfo.CurrentUICulture.Name, ReaderKeys.Of(reader));
        if (!cache.TryGetValue(key, out List<string>? rendered) || rendered is null)
        {
            rendered = [];
            foreach (var section in sections.Where(s => site.Features.Contains(s.Feature)).OrderBy(s => s.Position))
            {
                if (await section.RenderAsync(display, reader, cancellationToken) is { Length: > 0 } html)
                {
                    rendered.Add(html);
                }
            }

            var seconds = Math.Clamp(configuration.GetValue("Portal:Search:CatchUpSeconds", 5), 1, 60);
            cache.Set(key, rendered, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds), Size = 1 });
        }

        var welcome = site.Branding.WelcomeText.Length > 0 ? markdown.ToSafeHtml(site.Branding.WelcomeText, "the site's welcome text") : "";
        return await display.PageAsync(["Home"], new FrontPageModel(site.Branding.SiteName, welcome, rendered), new PageOptions(""), cancellationToken);
    }

    public sealed record FrontPageModel(string SiteName, string WelcomeHtml, IReadOnlyList<string> Sections);
}
