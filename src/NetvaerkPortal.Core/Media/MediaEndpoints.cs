using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Media;

/// <summary>The images in a tenant's media folder at <c>/media/{path}</c> (its logo among them), read-only, on every
/// tenant. Only image types are served, each with its own content type; an SVG gets a policy under which it runs
/// nothing (<see cref="Security.SecurityHeaders"/>). Any other name, or a path that leaves the folder, is a 404.</summary>
public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder routes)
    {
        // Resolved now, so a Portal:MediaPath the portal refuses stops the start instead of the first image.
        _ = routes.ServiceProvider.GetRequiredService<MediaLocations>();
        routes.MapGet(MediaFiles.UrlPrefix + "{**path}", Serve).ExcludeFromDescription();
        return routes;
    }

    private static IResult Serve(string? path, TenantContext tenant, MediaLocations media, HttpContext http)
    {
        if (string.IsNullOrEmpty(path) || MediaFiles.Resolve(media.For(tenant), MediaFiles.UrlPrefix + path) is not { } file || !File.Exists(file))
        {
            return Results.NotFound();
        }

        // Media is public, like the pages that show it; a new logo gets a new name, so a few minutes of caching costs nothing.
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.File(file, MediaFiles.ContentType(file), enableRangeProcessing: false);
    }
}
