namespace NetvaerkPortal.Content;

/// <summary>The URL of an item's page: its AutoroutePart path when that is a slug path, else /content/{id}.
/// A path stored before paths were checked ("\\evil.example/x", which a browser reads as another host) never becomes a link.</summary>
public static class ContentUrls
{
    public static string Of(string pathBase, ContentItem item) =>
        pathBase + "/" + (item.Text("AutoroutePart", "Path") is { } path && AutoroutePartHandler.IsValidPath(path)
            ? path
            : "content/" + Uri.EscapeDataString(item.ContentItemId));
}
