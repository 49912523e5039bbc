using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>
/// Reads the versions of items an index holds (published, or latest), a batch at a time, so that one item
/// whose stored JSON cannot be read (broken, or nested deeper than the reader allows) is reported as unreadable
/// instead of failing the whole batch: the indexer then skips it like any item it cannot index.
/// </summary>
internal sealed class IndexedItems(PortalDbContext db, ContentManager content, LuceneIndex index, ILogger logger)
{
    private VersionOptions Version => index.Settings.IndexLatest ? VersionOptions.Latest : VersionOptions.Published;

    /// <summary>The ids of the items after storage row <paramref name="afterRecordId"/>, in storage order, and the last row's Id.</summary>
    public async Task<(IReadOnlyList<string> Ids, long LastRecordId)> PageAsync(long afterRecordId, int take, CancellationToken cancellationToken)
    {
        var query = db.ContentItems.AsNoTracking().Where(record => record.Id > afterRecordId);
        query = index.Settings.IndexLatest ? query.Where(record => record.Latest) : query.Where(record => record.Published);
        var types = index.Settings.IndexedContentTypes;
        if (types.Count > 0)
        {
            query = query.Where(record => types.Contains(record.ContentType));
        }

        var rows = await query.OrderBy(record => record.Id).Take(take).Select(record => new { record.Id, record.ContentItemId }).ToListAsync(cancellationToken);
        return (rows.Select(row => row.ContentItemId).ToList(), rows.Count > 0 ? rows[^1].Id : afterRecordId);
    }

    /// <summary>The items that have a version the index holds, by id; those whose stored version cannot be read go to
    /// <paramref name="unreadable"/> (the content manager leaves them out of what it returns, and says why in the log).</summary>
    public async Task<IReadOnlyDictionary<string, ContentItem>> ReadAsync(IReadOnlyList<string> ids, IDictionary<string, SkippedItem> unreadable,
        CancellationToken cancellationToken)
    {
        var items = (await content.GetManyAsync(ids, Version, cancellationToken)).ToDictionary(item => item.ContentItemId, StringComparer.Ordinal);
        var missing = ids.Where(id => !items.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return items;
        }

        var records = index.Settings.IndexLatest
            ? db.ContentItems.AsNoTracking().Where(record => record.Latest)
            : db.ContentItems.AsNoTracking().Where(record => record.Published);
        foreach (var record in await records.Where(record => missing.Contains(record.ContentItemId)).ToListAsync(cancellationToken))
        {
            // Missing because it has no such version (deleted, unpublished) is fine; missing because it cannot be read is a skip.
            if (ContentRecords.TryRead(record) is (null, { } problem))
            {
                unreadable[record.ContentItemId] = await UnreadableAsync(record.ContentItemId, new FormatException(problem), cancellationToken);
            }
        }

        return items;
    }

    private async Task<SkippedItem> UnreadableAsync(string id, Exception error, CancellationToken cancellationToken)
    {
        logger.LogWarning(error, "The search index {Index} of tenant {Tenant} skips content item {ContentItemId}: its stored content cannot be read",
            index.Name, index.Tenant, id);
        // The columns beside the JSON still name it for the administrators' list.
        var row = await db.ContentItems.AsNoTracking().Where(record => record.ContentItemId == id)
            .OrderByDescending(record => record.Id).Select(record => new { record.ContentType, record.DisplayText }).FirstOrDefaultAsync(cancellationToken);
        return ItemApplication.Skipped(id, row?.ContentType ?? "", row?.DisplayText ?? "", error);
    }
}
