using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Display;

/// <summary>A page per published item, at its AutoroutePart path and at /content/{id}. An item the reader
/// may not read answers 404, exactly like one that does not exist, so its existence does not leak.</summary>
public static class ItemPages
{
    public static void MapItemPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/content/{contentItemId}", ByIdAsync).ExcludeFromDescription().CacheOutput(AnonymousPageCache.PolicyName);
        // At least one segment, so the front page ("/") stays the host's; literal routes (api, admin, account) win over this one.
        routes.MapGet("/{segment}/{**rest}", ByPathAsync).ExcludeFromDescription().CacheOutput(AnonymousPageCache.PolicyName);
    }

    private static async Task<IResult> ByIdAsync(string contentItemId, HttpContext http, CancellationToken cancellationToken) =>
        await RenderAsync(ContentIds.IsValid(contentItemId) ? contentItemId : null, http, cancellationToken);

    private static async Task<IResult> ByPathAsync(string segment, string? rest, HttpContext http, PortalDbContext db, CancellationToken cancellationToken)
    {
        var path = AutoroutePartHandler.Normalize(string.IsNullOrEmpty(rest) ? segment : segment + "/" + rest);
        return await RenderAsync(await PublishedAt.For(db)(db, path, cancellationToken), http, cancellationToken);
    }

    // Every item page looks its path up: compiled once per engine, so EF does not translate the query again each time.
    private static readonly PerEngine<Func<PortalDbContext, string, CancellationToken, Task<string?>>> PublishedAt = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, string path, CancellationToken _) =>
            db.AutorouteIndex.AsNoTracking().Where(r => r.Path == path && r.Published).Select(r => r.ContentItemId).FirstOrDefault()));

    private static async Task<IResult> RenderAsync(string? contentItemId, HttpContext http, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var item = contentItemId is null ? null : await services.GetRequiredService<ContentManager>().GetAsync(contentItemId, VersionOptions.Published, cancellationToken);
        var reader = await services.GetRequiredService<IReaderContext>().GetReaderAsync(cancellationToken);
        if (item is null || !services.GetRequiredService<ItemVisibility>().CanRead(reader, item))
        {
            // The layer's 404 page: the same as for an address that never existed.
            return Results.NotFound();
        }

        var shape = await services.GetRequiredService<ItemShapes>().BuildAsync(item, DisplayType.Detail, cancellationToken);
        return await services.GetRequiredService<PageDisplay>().PageAsync(ItemShapes.TemplateNames(item.ContentType, DisplayType.Detail), shape, new PageOptions(shape.Title), cancellationToken);
    }
}
