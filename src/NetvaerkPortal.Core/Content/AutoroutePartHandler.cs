using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Data;

namespace NetvaerkPortal.Content;

/// <summary>Checks AutoroutePart paths and keeps the AutorouteIndex table in step with every write. A path is a
/// slug: lowercase letters a–z, digits and '-', with '/' between segments ("viden/moedestruktur"); surrounding
/// slashes and spaces are trimmed and capitals lowered, anything else ('..', '\', '.', spaces, '%') is refused,
/// so a path can never climb out of the site or become a link to another host.</summary>
public sealed partial class AutoroutePartHandler : IContentHandler
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
        if (!IsValidPath(normalized))
        {
            throw new ContentValidationException(item.ContentItemId, "AutoroutePart.Path",
                "'{0}' is not a usable URL path. Use lowercase letters a–z, digits and '-', with '/' between the parts, e.g. 'viden/moedestruktur'.",
                path.Length <= 80 ? path : path[..80] + "…");
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

    /// <summary>Is this (normalized) path a slug path the portal would store?</summary>
    public static bool IsValidPath(string? path) => path is { Length: > 0 and <= MaxPathLength } && SlugPath().IsMatch(path);

    [GeneratedRegex("^[a-z0-9-]+(/[a-z0-9-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPath();
}
