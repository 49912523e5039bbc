using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Data;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Content;

/// <summary>Creates, versions, publishes and removes content items of the current tenant. Every write
/// runs in one transaction that also updates the index tables and appends one indexing-log row; it
/// keeps the invariants "exactly one Latest version per item" and "at most one Published". Every write is
/// checked by <see cref="ContentItemShape"/> first; every read skips (and logs) a stored version that cannot be read.</summary>
public sealed class ContentManager(
    PortalDbContext db,
    ContentDefinitionManager definitions,
    IEnumerable<IContentHandler> handlers,
    TimeProvider clock,
    TenantContext tenant,
    IndexingSignal indexingSignal,
    AuditLog audit,
    ILogger<ContentManager> logger)
{
    /// <summary>A new item of the type (not stored), with the defaults the content handlers give it: what every editor shows first.</summary>
    public async Task<ContentItem> NewAsync(string contentType, CancellationToken cancellationToken = default)
    {
        var type = await definitions.GetTypeAsync(contentType, cancellationToken)
            ?? throw new ContentValidationException(null, "ContentType", "Unknown content type '{0}'. Define it in a module or a recipe's ContentDefinition step first.", contentType);
        var item = new ContentItem { ContentItemId = NewId(), ContentType = type.Name };
        foreach (var handler in handlers)
        {
            await handler.InitializingAsync(item, type, cancellationToken);
        }

        return item;
    }

    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions version = VersionOptions.Published, CancellationToken cancellationToken = default)
    {
        var record = await (version == VersionOptions.Published ? GetPublished : GetLatest).For(db)(db, contentItemId, cancellationToken);
        return record is null ? null : Read(record);
    }

    // Every item page reads one item: compiled once (per engine), so EF does not look the query up again each time.
    private static readonly PerEngine<Func<PortalDbContext, string, CancellationToken, Task<ContentItemRecord?>>> GetPublished = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, string id, CancellationToken _) => db.ContentItems.AsNoTracking().FirstOrDefault(r => r.ContentItemId == id && r.Published)));

    private static readonly PerEngine<Func<PortalDbContext, string, CancellationToken, Task<ContentItemRecord?>>> GetLatest = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, string id, CancellationToken _) => db.ContentItems.AsNoTracking().FirstOrDefault(r => r.ContentItemId == id && r.Latest)));

    /// <summary>Has any version, deleted ones included, ever used this id?</summary>
    public Task<bool> IsIdUsedAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.AnyAsync(r => r.ContentItemId == contentItemId, cancellationToken);

    /// <summary>Does the item have a latest version, readable or not? (An editor may delete one that cannot be read.)</summary>
    public Task<bool> ExistsAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.AnyAsync(r => r.ContentItemId == contentItemId && r.Latest, cancellationToken);

    public async Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken cancellationToken = default)
    {
        var record = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(r => r.ContentItemVersionId == contentItemVersionId, cancellationToken);
        return record is null ? null : Read(record);
    }

    /// <summary>Every stored version of an item, newest first.</summary>
    public async Task<IReadOnlyList<ContentItem>> ListVersionsAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        (await db.ContentItems.AsNoTracking().Where(r => r.ContentItemId == contentItemId).OrderByDescending(r => r.Id).ToListAsync(cancellationToken))
        .Select(Read).OfType<ContentItem>().ToList();

    public async Task<IReadOnlyList<ContentItem>> ListAsync(string? contentType, VersionOptions version, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        var query = db.ContentItems.AsNoTracking();
        query = version == VersionOptions.Published ? query.Where(r => r.Published) : query.Where(r => r.Latest);
        if (contentType is not null)
        {
            query = query.Where(r => r.ContentType == contentType);
        }

        var records = await query.OrderByDescending(r => r.ModifiedUtc).ThenBy(r => r.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return records.Select(Read).OfType<ContentItem>().ToList();
    }

    /// <summary>The published (or latest) versions of the given items that have one; for indexers catching up in batches.</summary>
    public async Task<IReadOnlyList<ContentItem>> GetManyAsync(IReadOnlyCollection<string> contentItemIds, VersionOptions version, CancellationToken cancellationToken = default)
    {
        var query = db.ContentItems.AsNoTracking().Where(r => contentItemIds.Contains(r.ContentItemId));
        query = version == VersionOptions.Published ? query.Where(r => r.Published) : query.Where(r => r.Latest);
        return (await query.ToListAsync(cancellationToken)).Select(Read).OfType<ContentItem>().ToList();
    }

    /// <summary>Published (or latest) versions in storage order after the row <paramref name="afterRecordId"/>, for
    /// reading a whole site (an index rebuild) in pages that stay fast however large it is. Returns the last row's Id to continue from.</summary>
    public async Task<(IReadOnlyList<ContentItem> Items, long LastRecordId)> ListAfterAsync(IReadOnlyCollection<string>? contentTypes, VersionOptions version, long afterRecordId, int take, CancellationToken cancellationToken = default)
    {
        var query = db.ContentItems.AsNoTracking().Where(r => r.Id > afterRecordId);
        query = version == VersionOptions.Published ? query.Where(r => r.Published) : query.Where(r => r.Latest);
        if (contentTypes is { Count: > 0 })
        {
            query = query.Where(r => contentTypes.Contains(r.ContentType));
        }

        var records = await query.OrderBy(r => r.Id).Take(take).ToListAsync(cancellationToken);
        return (records.Select(Read).OfType<ContentItem>().ToList(), records.Count > 0 ? records[^1].Id : afterRecordId);
    }

    /// <summary>Saves the item as its latest version: a draft is updated in place, a published latest gets a new draft version on top.</summary>
    public Task SaveDraftAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        SaveAsync(item, publish: false, imported: false, cancellationToken);

    /// <summary>Saves the item as its latest version and publishes that version.</summary>
    public Task PublishAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        SaveAsync(item, publish: true, imported: false, cancellationToken);

    /// <summary>Publishes the item's latest version as it is.</summary>
    public Task PublishLatestAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        WriteAsync(contentItemId, IndexingChange.Update, versions =>
        {
            var latest = RequireLatest(contentItemId, versions);
            latest.PublishedUtc = clock.GetUtcNow().UtcDateTime;
            MarkPublished(versions, latest);
        }, cancellationToken);

    public Task UnpublishAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        WriteAsync(contentItemId, IndexingChange.Update, versions =>
        {
            RequireLatest(contentItemId, versions);
            foreach (var version in versions)
            {
                version.Published = false;
            }
        }, cancellationToken);

    /// <summary>Makes an old version's content the new latest draft; the published version stays until the draft is published.</summary>
    public async Task RestoreAsync(string contentItemId, string contentItemVersionId, CancellationToken cancellationToken = default)
    {
        // The old content is checked like any save: e.g. its URL path may have been taken by another item since.
        if (await GetVersionAsync(contentItemVersionId, cancellationToken) is { } old && old.ContentItemId == contentItemId)
        {
            await ValidateAsync(old, cancellationToken);
        }

        await WriteAsync(contentItemId, IndexingChange.Update, versions =>
        {
            var latest = RequireLatest(contentItemId, versions);
            var old = versions.FirstOrDefault(v => v.ContentItemVersionId == contentItemVersionId)
                ?? throw new ContentValidationException(contentItemId, "ContentItemVersionId", "Version '{0}' does not belong to this item.", contentItemVersionId);
            latest.Latest = false;
            var restored = NewVersion(old, clock.GetUtcNow().UtcDateTime);
            versions.Add(restored);
            db.ContentItems.Add(restored);
        }, cancellationToken);
    }

    /// <summary>Removes the item: no version stays Latest or Published; the versions are kept for audit.</summary>
    public Task DeleteAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        WriteAsync(contentItemId, IndexingChange.Delete, versions =>
        {
            var latest = RequireLatest(contentItemId, versions);
            audit.Record(AuditActions.ContentDeleted, latest.DisplayText, $"{latest.ContentType} {contentItemId}");
            foreach (var version in versions)
            {
                version.Latest = false;
                version.Published = false;
            }
        }, cancellationToken);

    /// <summary>Imports an item as Orchard Core does: its Published flag decides whether the imported content is published or a draft.</summary>
    public Task ImportAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        SaveAsync(item, item.Published, imported: true, cancellationToken);

    /// <param name="imported">Keep the item's own timestamps (an import moves a site, it does not edit it).</param>
    private async Task SaveAsync(ContentItem item, bool publish, bool imported, CancellationToken cancellationToken)
    {
        await ValidateAsync(item, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await WriteAsync(item.ContentItemId, IndexingChange.Update, versions =>
        {
            var latest = versions.SingleOrDefault(v => v.Latest);
            ContentItemRecord target;
            if (latest is not null && !latest.Published)
            {
                target = latest;
            }
            else
            {
                if (latest is not null)
                {
                    latest.Latest = false;
                }

                target = new ContentItemRecord
                {
                    ContentItemId = item.ContentItemId,
                    ContentItemVersionId = FreshVersionId(item.ContentItemVersionId, versions),
                    ContentType = item.ContentType,
                    Data = "{}",
                    CreatedUtc = versions.Count > 0 ? versions.Min(v => v.CreatedUtc) : item.CreatedUtc ?? now,
                    Latest = true,
                };
                versions.Add(target);
                db.ContentItems.Add(target);
            }

            ContentRecords.CopyInto(item, target, imported ? item.ModifiedUtc ?? now : now);
            item.ContentItemVersionId = target.ContentItemVersionId;
            if (publish)
            {
                target.PublishedUtc = imported ? item.PublishedUtc ?? now : now;
                MarkPublished(versions, target);
            }
        }, cancellationToken);
    }

    /// <summary>Checks what can be checked without the handlers: the id, the type, and the item's shape
    /// (<see cref="ContentItemShape"/>). The API calls this before it looks at permissions, so that a malformed
    /// item is a 400 whoever sends it.</summary>
    public async Task<ContentTypeDefinition> CheckShapeAsync(ContentItem item, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(item.ContentType))
        {
            throw new ContentValidationException(item.ContentItemId, "ContentType", "ContentType is missing. Name the item's content type.");
        }

        var type = await definitions.GetTypeAsync(item.ContentType, cancellationToken)
            ?? throw new ContentValidationException(ContentIds.IsValid(item.ContentItemId) ? item.ContentItemId : null, "ContentType",
                "Unknown content type '{0}'. Define it in a module or a recipe's ContentDefinition step first.", item.ContentType.Length <= 64 ? item.ContentType : item.ContentType[..64] + "…");
        ContentItemShape.Check(item, type, definitions.PartShapes);
        return type;
    }

    private async Task ValidateAsync(ContentItem item, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(item.ContentItemId))
        {
            item.ContentItemId = NewId();
        }

        var type = await CheckShapeAsync(item, cancellationToken);
        foreach (var part in type.Parts.Where(p => p.Required))
        {
            if (item.Part(part.Name) is null)
            {
                throw new ContentValidationException(item.ContentItemId, part.Name, "The required part '{0}' of type '{1}' is missing.", part.Name, type.Name);
            }
        }

        if (item.Text("TitlePart", "Title") is { Length: > 0 } title)
        {
            item.DisplayText = title;
        }

        foreach (var handler in handlers)
        {
            await handler.ValidateAsync(item, type, db, cancellationToken);
        }

        ContentItemShape.CheckSize(item, ContentRecords.Serialize(item).Length);
    }

    private async Task WriteAsync(string contentItemId, IndexingChange change, Action<List<ContentItemRecord>> apply, CancellationToken cancellationToken)
    {
        await db.InTransactionAsync(async () =>
        {
            var versions = await db.ContentItems.Where(r => r.ContentItemId == contentItemId).ToListAsync(cancellationToken);
            apply(versions);

            var latest = versions.SingleOrDefault(v => v.Latest);
            var published = versions.SingleOrDefault(v => v.Published);
            var write = new ContentWrite(contentItemId, latest is null ? null : Readable(latest), published is null ? null : Readable(published));
            foreach (var handler in handlers)
            {
                await handler.WrittenAsync(write, db, cancellationToken);
            }

            db.IndexingLog.Add(new IndexingLogEntry { ContentItemId = contentItemId, Kind = change, CreatedUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);

        // Inside a caller's transaction (a recipe) the pulse may come before the commit; the indexers'
        // timer then picks the rows up.
        indexingSignal.Pulse(tenant.Name);
    }

    private ContentItem? Read(ContentItemRecord record) => ContentRecords.Read(record, logger);

    /// <summary>A version that stays latest or published after a write must be readable; one that is not can only be deleted.</summary>
    private static ContentItem Readable(ContentItemRecord record) =>
        ContentRecords.TryRead(record) is ({ } item, _)
            ? item
            : throw new ContentValidationException(record.ContentItemId, (string?)null,
                "The item's stored content cannot be read (it was stored before today's limits). Delete it, or import a corrected version.");

    private static ContentItemRecord RequireLatest(string contentItemId, List<ContentItemRecord> versions) =>
        versions.SingleOrDefault(v => v.Latest)
        ?? throw new ContentItemNotFoundException(contentItemId);

    private static void MarkPublished(List<ContentItemRecord> versions, ContentItemRecord target)
    {
        foreach (var version in versions)
        {
            version.Published = version == target;
        }
    }

    private static ContentItemRecord NewVersion(ContentItemRecord source, DateTime now) => new()
    {
        ContentItemId = source.ContentItemId,
        ContentItemVersionId = NewId(),
        ContentType = source.ContentType,
        DisplayText = source.DisplayText,
        Owner = source.Owner,
        Author = source.Author,
        CreatedUtc = source.CreatedUtc,
        ModifiedUtc = now,
        Data = source.Data,
        Latest = true,
    };

    private static string FreshVersionId(string proposed, List<ContentItemRecord> versions) =>
        !ContentIds.IsValid(proposed) || versions.Any(v => v.ContentItemVersionId == proposed) ? NewId() : proposed;

    /// <summary>A 26-character id like Orchard Core's, unique without coordination (<see cref="ContentIds"/>).</summary>
    public static string NewId() => ContentIds.New();
}

public sealed class ContentItemNotFoundException(string contentItemId)
    : Exception($"Content item '{contentItemId}' does not exist or has been deleted.")
{
    public string ContentItemId { get; } = contentItemId;
}
