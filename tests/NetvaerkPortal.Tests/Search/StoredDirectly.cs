using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Indexing;

namespace NetvaerkPortal.Tests.Search;

/// <summary>Changes what is stored for an item behind ContentManager's back: content written before today's
/// write-time checks existed, which the search must cope with as it is.</summary>
public static class StoredDirectly
{
    /// <summary>Stores <paramref name="data"/> as the parts JSON of every version of the item, as it is, and logs the write.</summary>
    public static async Task SetDataAsync(AsyncServiceScope scope, string contentItemId, string data)
    {
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var version in await db.ContentItems.Where(record => record.ContentItemId == contentItemId).ToListAsync())
        {
            version.Data = data;
        }

        db.IndexingLog.Add(new IndexingLogEntry { ContentItemId = contentItemId, Kind = IndexingChange.Update, CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>Parts JSON with an extra part nested deeper than a JSON reader allows by default (64 levels).</summary>
    public static string TooDeepData(string title) =>
        $"{{\"TitlePart\":{{\"Title\":\"{title}\"}},\"VisibilityPart\":{{\"Visibility\":\"Public\"}},\"Extra\":"
        + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100) + "}";

    /// <summary>Changes the parts JSON of every stored version of the item, and logs the write as ContentManager would
    /// (so an indexer that already applied the item's earlier write sees this one too).</summary>
    public static async Task ChangePartsAsync(AsyncServiceScope scope, string contentItemId, Action<JsonObject> change)
    {
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var versions = await db.ContentItems.Where(record => record.ContentItemId == contentItemId).ToListAsync();
        Assert.NotEmpty(versions);
        foreach (var version in versions)
        {
            var parts = JsonNode.Parse(version.Data)!.AsObject();
            change(parts);
            version.Data = parts.ToJsonString();
        }

        db.IndexingLog.Add(new IndexingLogEntry { ContentItemId = contentItemId, Kind = IndexingChange.Update, CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>Markdown that Markdig refuses to parse: a block quote nested 30,000 levels deep.</summary>
    public static readonly string DeeplyNestedMarkdown = new('>', 30_000);

    /// <summary>A tag longer than the longest term Lucene takes (32,766 bytes): the index writer refuses the document.</summary>
    public static readonly string ImmenseTag = new('x', 40_000);
}
