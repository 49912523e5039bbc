using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;

namespace Netvaerk.Networks.ContentTypes;

/// <summary>Gives the module's items a readable URL: when AutoroutePart.Path is empty the item keeps the
/// path it already has, or gets "{type prefix}/{slug of the title}", made unique with -2, -3, ...
/// Paths may not start with a segment the portal itself answers (api, admin, ...).</summary>
public sealed class SlugHandler : IContentHandler
{
    private static readonly HashSet<string> ReservedSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "api", "admin", "account", "content", "openapi", "health", "sprog", "search", "css", "js", "lib", "media", "_content", "indhold",
    };

    public async Task ValidateAsync(ContentItem item, ContentTypeDefinition type, PortalDbContext db, CancellationToken cancellationToken)
    {
        if (!NetworkContentTypes.IsOwn(item.ContentType) || !type.HasPart("AutoroutePart"))
        {
            return;
        }

        var path = item.Text("AutoroutePart", "Path");
        if (!string.IsNullOrWhiteSpace(path))
        {
            var first = AutoroutePartHandler.Normalize(path).Split('/')[0];
            if (ReservedSegments.Contains(first))
            {
                throw new ContentValidationException(item.ContentItemId, "AutoroutePart.Path",
                    $"Paths may not start with '{first}/', which the portal uses itself. Leave the path empty for one made from the title.");
            }

            return;
        }

        var existing = await db.AutorouteIndex.AsNoTracking()
            .Where(r => r.ContentItemId == item.ContentItemId && r.Latest)
            .Select(r => r.Path)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is null)
        {
            var wanted = NetworkContentTypes.PathPrefix(item.ContentType) + "/" + Slugs.FromTitle(item.Text("TitlePart", "Title") ?? "");
            var taken = await db.AutorouteIndex.AsNoTracking()
                .Where(r => r.ContentItemId != item.ContentItemId && r.Path.StartsWith(wanted))
                .Select(r => r.Path)
                .ToListAsync(cancellationToken);
            existing = Slugs.Unique(wanted, taken.ToHashSet(StringComparer.Ordinal));
        }

        item.GetOrCreatePart("AutoroutePart")["Path"] = existing;
    }
}
