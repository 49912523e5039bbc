using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>Keeps a tenant's indexes in step with its database: applies the indexing log from each index's
/// cursor, and rebuilds an index from the content when it is new, damaged or marked PendingRebuild.</summary>
public sealed class SearchIndexer(LuceneIndexRegistry registry, TenantScopes scopes, TenantFeatures features,
    SearchConfigurations configurations, ILogger<SearchIndexer> logger)
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
        foreach (var (name, settings) in indexes.Effective())
        {
            var index = registry.Get(tenant.Name, name, settings);
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
                    work += await ApplyLogLockedAsync(index, services, maxEntries, cancellationToken);
                }
            }
            finally
            {
                index.WriteLock.Release();
            }
        }

        if (rebuilt.Count > 0 && indexes.PendingRebuild.Overlaps(rebuilt))
        {
            await ClearPendingAsync(services, rebuilt, cancellationToken);
        }

        return work;
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

    private static async Task<int> ApplyLogLockedAsync(LuceneIndex index, IServiceProvider services, int maxEntries, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var content = services.GetRequiredService<ContentManager>();
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
            var items = (await content.GetManyAsync(ids, Version(index), cancellationToken)).ToDictionary(item => item.ContentItemId, StringComparer.Ordinal);
            try
            {
                foreach (var id in ids)
                {
                    index.Apply(id, items.TryGetValue(id, out var item) && index.Settings.Indexes(item.ContentType) ? SearchDocuments.Build(item) : null);
                }

                index.Commit(entries[^1].Id);
            }
            catch
            {
                index.Rollback();
                throw;
            }

            applied += entries.Count;
        }

        return applied;
    }

    private async Task<int> RebuildLockedAsync(LuceneIndex index, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var content = services.GetRequiredService<ContentManager>();
        var started = DateTime.UtcNow;
        // Read the log's end first: writes during the rebuild are applied again afterwards, which is harmless.
        var cursor = await db.IndexingLog.MaxAsync(entry => (long?)entry.Id, cancellationToken) ?? 0;
        var types = index.Settings.IndexedContentTypes;
        var count = 0;
        try
        {
            // One commit at the end: readers keep the old index until the new one is complete.
            index.Clear();
            var after = 0L;
            while (true)
            {
                var (items, last) = await content.ListAfterAsync(types, Version(index), after, BatchSize, cancellationToken);
                foreach (var item in items)
                {
                    index.Apply(item.ContentItemId, SearchDocuments.Build(item));
                }

                count += items.Count;
                after = last;
                if (items.Count < BatchSize)
                {
                    break;
                }
            }

            index.Commit(cursor);
        }
        catch
        {
            index.Rollback();
            index.MarkForRebuild("the last rebuild failed");
            throw;
        }

        logger.LogInformation("Rebuilt search index {Index} of tenant {Tenant}: {Count} documents in {Seconds:F1} s",
            index.Name, index.Tenant, count, (DateTime.UtcNow - started).TotalSeconds);
        return count;
    }

    private static async Task ClearPendingAsync(IServiceProvider services, IReadOnlyList<string> rebuilt, CancellationToken cancellationToken)
    {
        var documents = services.GetRequiredService<SiteDocuments>();
        var indexes = await documents.GetAsync<LuceneIndexesDocument>(LuceneIndexesDocument.DocumentName, cancellationToken);
        indexes.PendingRebuild.ExceptWith(rebuilt);
        await documents.SetAsync(LuceneIndexesDocument.DocumentName, indexes, cancellationToken);
        await services.GetRequiredService<PortalDbContext>().SaveChangesAsync(cancellationToken);
    }

    private static VersionOptions Version(LuceneIndex index) => index.Settings.IndexLatest ? VersionOptions.Latest : VersionOptions.Published;
}
