using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>Keeps a tenant's indexes in step with its database: applies the indexing log from each index's
/// cursor, and rebuilds an index from the content when it is new, damaged or marked PendingRebuild.</summary>
public sealed class SearchIndexer(LuceneIndexRegistry registry, TenantScopes scopes, TenantFeatures features,
    SearchConfigurations configurations, ItemVisibility visibility, ILogger<SearchIndexer> logger)
{
    /// <summary>Log rows (and items) read and committed together.</summary>
    public const int BatchSize = 500;

    public const string FeatureId = "Netvaerk.Search.Lucene";

    /// <summary>
    /// Brings every index of the tenant up to date: rebuilds those that need it, then applies at most
    /// <paramref name="maxEntries"/> log rows to each. Returns the log rows applied plus documents rebuilt.
    /// </summary>
    public async Task<int> CatchUpAsync(TenantSettings tenant, int maxEntries = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (tenant.State != TenantState.Running)
        {
            return 0;
        }

        await using var scope = scopes.Create(tenant);
        var services = scope.ServiceProvider;
        var documents = services.GetRequiredService<SiteDocuments>();
        if (!(await features.GetAsync(tenant.Name, documents, cancellationToken)).Contains(FeatureId))
        {
            return 0;
        }

        var indexes = await documents.GetAsync<LuceneIndexesDocument>(LuceneIndexesDocument.DocumentName, cancellationToken);
        var work = 0;
        var rebuilt = new List<string>();
        var failures = new List<Exception>();
        foreach (var (name, settings) in indexes.Effective())
        {
            LuceneIndex index;
            var wasOpen = registry.Find(tenant.Name, name)?.IsOpen == true;
            var nothingNew = false;
            try
            {
                index = registry.Get(tenant.Name, name, settings);
            }
            catch (IndexFolderRefusedException)
            {
                // Logged by the registry, and shown at /admin/search: the tenant's other indexes go on.
                continue;
            }

            await index.WriteLock.WaitAsync(cancellationToken);
            try
            {
                if (index.RebuildReason is not null || indexes.PendingRebuild.Contains(name))
                {
                    work += await RebuildLockedAsync(index, services, cancellationToken);
                    rebuilt.Add(name);
                }
                else
                {
                    var applied = await ApplyLogLockedAsync(index, services, maxEntries, cancellationToken);
                    nothingNew = applied == 0;
                    work += applied;
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Not an item's fault (those are skipped): the index or its disk failed. The database can rebuild it.
                index.MarkForRebuild($"catching up failed ({error.GetType().Name}: {error.Message})");
                failures.Add(error);
            }
            finally
            {
                index.WriteLock.Release();
            }

            if (!wasOpen && nothingNew)
            {
                // Opened only to find nothing new (a tenant's first visit): its writer and files wait for a search or a write.
                index.CloseIfIdle(TimeSpan.Zero);
            }
        }

        if (rebuilt.Count > 0 && indexes.PendingRebuild.Overlaps(rebuilt))
        {
            await ClearPendingAsync(services, rebuilt, cancellationToken);
        }

        return failures.Count switch
        {
            0 => work,
            1 => throw new InvalidOperationException($"Search indexing of tenant '{tenant.Name}' failed: {failures[0].Message}", failures[0]),
            _ => throw new AggregateException($"Search indexing of tenant '{tenant.Name}' failed for {failures.Count} indexes.", failures),
        };
    }

    /// <summary>Marks the tenant's indexes (or one) to be rebuilt from the database and rebuilds them now.</summary>
    /// <remarks>The mark is committed first: when this process cannot open the index (a running portal holds
    /// its writer), that portal's indexer does the rebuild on its next tick.</remarks>
    public async Task<int> RebuildAsync(TenantSettings tenant, string? indexName = null, CancellationToken cancellationToken = default)
    {
        await MarkForRebuildAsync(tenant, indexName, cancellationToken);
        return await CatchUpAsync(tenant, cancellationToken: cancellationToken);
    }

    /// <summary>Marks the tenant's indexes (or one) PendingRebuild, for the indexer to rebuild in the background.</summary>
    /// <exception cref="ArgumentException">The tenant has no index of that name.</exception>
    public async Task<IReadOnlyList<string>> MarkForRebuildAsync(TenantSettings tenant, string? indexName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        await using var scope = scopes.Create(tenant);
        var documents = scope.ServiceProvider.GetRequiredService<SiteDocuments>();
        var indexes = await documents.GetAsync<LuceneIndexesDocument>(LuceneIndexesDocument.DocumentName, cancellationToken);
        var names = indexes.Effective().Keys.Where(name => indexName is null || string.Equals(name, indexName, StringComparison.OrdinalIgnoreCase)).ToList();
        if (names.Count == 0)
        {
            throw new ArgumentException($"Tenant '{tenant.Name}' has no search index named '{indexName}'. Its indexes: {string.Join(", ", indexes.Effective().Keys)}.", nameof(indexName));
        }

        indexes.PendingRebuild.UnionWith(names);
        await documents.SetAsync(LuceneIndexesDocument.DocumentName, indexes, cancellationToken);
        scope.ServiceProvider.GetRequiredService<NetvaerkPortal.Audit.AuditLog>().Record(NetvaerkPortal.Audit.AuditActions.SearchRebuild, string.Join(", ", names));
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync(cancellationToken);
        configurations.Forget(tenant.Name);
        return names;
    }

    /// <summary>The items the index skipped because they could not be indexed.</summary>
    public async Task<IReadOnlyList<SkippedItem>> SkippedAsync(TenantSettings tenant, string indexName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        await using var scope = scopes.Create(tenant);
        var list = await scope.ServiceProvider.GetRequiredService<SiteDocuments>().GetAsync<SkippedItemsDocument>(SkippedItemsDocument.DocumentName, cancellationToken);
        return list.Of(indexName);
    }

    private async Task<int> ApplyLogLockedAsync(LuceneIndex index, IServiceProvider services, int maxEntries, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var reader = new IndexedItems(db, services.GetRequiredService<ContentManager>(), index, logger);
        var applied = 0;
        while (applied < maxEntries)
        {
            var cursor = index.Cursor;
            var entries = await db.IndexingLog.AsNoTracking().Where(entry => entry.Id > cursor).OrderBy(entry => entry.Id)
                .Take(Math.Min(BatchSize, maxEntries - applied)).Select(entry => new { entry.Id, entry.ContentItemId }).ToListAsync(cancellationToken);
            if (entries.Count == 0)
            {
                break;
            }

            // The item's state now is what counts, whatever the rows say happened: each id is applied once.
            var ids = entries.Select(entry => entry.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
            var skipped = new Dictionary<string, SkippedItem>(StringComparer.Ordinal);
            var items = await reader.ReadAsync(ids, skipped, cancellationToken);
            foreach (var (id, unreadable) in skipped.Where(entry => !index.Settings.Indexes(entry.Value.ContentType)).ToList())
            {
                // Not this index's to list: it is only taken out (as any item of another type).
                skipped.Remove(id);
            }

            for (var attempt = 1; ; attempt++)
            {
                var fine = new List<string>(ids.Count);
                var refused = false;
                try
                {
                    foreach (var id in ids)
                    {
                        var item = items.TryGetValue(id, out var found) && index.Settings.Indexes(found.ContentType) ? found : null;
                        var outcome = ItemApplication.Apply(index, id, item, visibility, skipped, logger);
                        refused = outcome == ItemApplication.Outcome.WriterRefused;
                        if (refused)
                        {
                            break;
                        }

                        if (outcome == ItemApplication.Outcome.Applied)
                        {
                            fine.Add(id);
                        }
                    }

                    if (!refused)
                    {
                        // The list first: should the commit fail, the batch is applied again and lists the same items.
                        await SaveSkippedAsync(services, list => list.Update(index.Name, fine, skipped.Values), cancellationToken);
                        index.Commit(entries[^1].Id);
                        break;
                    }
                }
                catch
                {
                    index.Rollback();
                    throw;
                }

                // The writer refused an item; it may have dropped the batch's other documents with it: again without it.
                index.Rollback();
                ThrowIfRetriedTooOften(index, attempt, skipped);
            }

            applied += entries.Count;
        }

        return applied;
    }

    private async Task<int> RebuildLockedAsync(LuceneIndex index, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var reader = new IndexedItems(db, services.GetRequiredService<ContentManager>(), index, logger);
        var started = DateTime.UtcNow;
        // Read the log's end first: writes during the rebuild are applied again afterwards, which is harmless.
        var cursor = await db.IndexingLog.MaxAsync(entry => (long?)entry.Id, cancellationToken) ?? 0;
        var skipped = new Dictionary<string, SkippedItem>(StringComparer.Ordinal);
        var count = 0;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                // One commit at the end: readers keep the old index until the new one is complete.
                index.Clear();
                count = 0;
                var refused = false;
                var after = 0L;
                while (!refused)
                {
                    var (ids, last) = await reader.PageAsync(after, BatchSize, cancellationToken);
                    var items = await reader.ReadAsync(ids, skipped, cancellationToken);
                    foreach (var id in ids)
                    {
                        var outcome = ItemApplication.Apply(index, id, items.GetValueOrDefault(id), visibility, skipped, logger);
                        refused = outcome == ItemApplication.Outcome.WriterRefused;
                        if (refused)
                        {
                            break;
                        }

                        count += outcome == ItemApplication.Outcome.Applied && items.ContainsKey(id) ? 1 : 0;
                    }

                    after = last;
                    if (ids.Count < BatchSize)
                    {
                        break;
                    }
                }

                if (!refused)
                {
                    break;
                }

                // As in a batch: the writer may have dropped more than the refused document, so the rebuild starts over without it.
                index.Rollback();
                ThrowIfRetriedTooOften(index, attempt, skipped);
            }

            await SaveSkippedAsync(services, list => list.Replace(index.Name, skipped.Values), cancellationToken);
            index.Commit(cursor, mergeSegments: true);
        }
        catch
        {
            index.Rollback();
            index.MarkForRebuild("the last rebuild failed");
            throw;
        }

        logger.LogInformation("Rebuilt search index {Index} of tenant {Tenant}: {Count} documents, {Skipped} items skipped, in {Seconds:F1} s",
            index.Name, index.Tenant, count, skipped.Count, (DateTime.UtcNow - started).TotalSeconds);
        return count;
    }

    // Each retry leaves out one more item; a writer that refuses item after item has another problem than its items.
    private static void ThrowIfRetriedTooOften(LuceneIndex index, int attempt, IDictionary<string, SkippedItem> skipped)
    {
        const int MaxAttempts = 20;
        if (attempt >= MaxAttempts)
        {
            throw new InvalidOperationException($"The search index {index.Name} of tenant {index.Tenant} refused {skipped.Count} items in a row; "
                + $"the last: {skipped.Values.Last().Error}");
        }
    }

    private static async Task SaveSkippedAsync(IServiceProvider services, Func<SkippedItemsDocument, bool> change, CancellationToken cancellationToken)
    {
        var documents = services.GetRequiredService<SiteDocuments>();
        var list = await documents.GetAsync<SkippedItemsDocument>(SkippedItemsDocument.DocumentName, cancellationToken);
        if (change(list))
        {
            await documents.SetAsync(SkippedItemsDocument.DocumentName, list, cancellationToken);
            await services.GetRequiredService<PortalDbContext>().SaveChangesAsync(cancellationToken);
        }
    }

    private static async Task ClearPendingAsync(IServiceProvider services, IReadOnlyList<string> rebuilt, CancellationToken cancellationToken)
    {
        var documents = services.GetRequiredService<SiteDocuments>();
        var indexes = await documents.GetAsync<LuceneIndexesDocument>(LuceneIndexesDocument.DocumentName, cancellationToken);
        indexes.PendingRebuild.ExceptWith(rebuilt);
        await documents.SetAsync(LuceneIndexesDocument.DocumentName, indexes, cancellationToken);
        await services.GetRequiredService<PortalDbContext>().SaveChangesAsync(cancellationToken);
    }
}
