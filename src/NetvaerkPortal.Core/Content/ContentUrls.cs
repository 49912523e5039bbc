namespace NetvaerkPortal.Content;

/// <summary>The URL of an item's page: its AutoroutePart path when that is a slug path, else /content/{id}.
/// A path stored before paths were checked ("\\evil.example/x", which a browser reads as another host) never becomes a link.</summary>
public static class ContentUrls
{
    public static string Of(string pathBase, ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Of(pathBase, item.ContentItemId, item.Text("AutoroutePart", "Path"));
    }

    /// <summary>The same from an item's id and stored path (a search hit carries only these).</summary>
    public static string Of(string pathBase, string contentItemId, string? path) =>
        pathBase + "/" + (path is not null && AutoroutePartHandler.IsValidPath(path)
            ? path
            : "content/" + Uri.EscapeDataString(contentItemId));
}
