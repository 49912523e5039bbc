using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Data;

namespace NetvaerkPortal.Content;

/// <summary>Checks AutoroutePart paths and keeps the AutorouteIndex table in step with every write.</summary>
public sealed class AutoroutePartHandler : IContentHandler
{
    public const int MaxPathLength = 1024;

    public async Task ValidateAsync(ContentItem item, ContentTypeDefinition type, PortalDbContext db, CancellationToken cancellationToken)
    {
        var path = item.Text("AutoroutePart", "Path");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var normalized = Normalize(path);
        if (normalized.Length == 0 || normalized.Length > MaxPathLength || normalized.Contains("//", StringComparison.Ordinal)
            || normalized.Split('/').Any(segment => segment is "." or ".."))
        {
            throw new ContentValidationException(item.ContentItemId, "AutoroutePart.Path",
                "'{0}' is not a usable URL path. Use lowercase words joined by '-' and '/', e.g. 'viden/moedestruktur'.", path);
        }

        item.GetOrCreatePart("AutoroutePart")["Path"] = normalized;
        var taken = await db.AutorouteIndex.AnyAsync(r => r.Path == normalized && r.ContentItemId != item.ContentItemId, cancellationToken);
        if (taken)
        {
            throw new ContentValidationException(item.ContentItemId, "AutoroutePart.Path",
                "The path '{0}' is already used by another item. Choose another path.", normalized);
        }
    }

    public async Task WrittenAsync(ContentWrite write, PortalDbContext db, CancellationToken cancellationToken)
    {
        await db.AutorouteIndex.Where(r => r.ContentItemId == write.ContentItemId).ExecuteDeleteAsync(cancellationToken);
        var latestPath = write.Latest?.Text("AutoroutePart", "Path");
        var publishedPath = write.Published?.Text("AutoroutePart", "Path");
        if (!string.IsNullOrEmpty(latestPath))
        {
            db.AutorouteIndex.Add(new AutorouteIndex { ContentItemId = write.ContentItemId, Path = latestPath, Latest = true, Published = latestPath == publishedPath && write.Published is not null });
        }

        if (!string.IsNullOrEmpty(publishedPath) && publishedPath != latestPath)
        {
            db.AutorouteIndex.Add(new AutorouteIndex { ContentItemId = write.ContentItemId, Path = publishedPath, Published = true });
        }
    }

    public static string Normalize(string path) => path.Trim().Trim('/').ToLowerInvariant();
}
