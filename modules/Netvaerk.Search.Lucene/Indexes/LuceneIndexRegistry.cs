using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NetvaerkPortal.Files;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>Every open index of this process, by tenant and index name: one writer per index per process,
/// so no write.lock is ever waited for.</summary>
public sealed class LuceneIndexRegistry(TenantStore store, ILogger<LuceneIndexRegistry> logger) : IDisposable
{
    private readonly ConcurrentDictionary<(string Tenant, string Index), LuceneIndex> _indexes = new();
    private readonly Lock _opening = new();
    private bool _disposed;

    /// <summary>App_Data/Sites/{tenant}/Lucene/{index}; the name must be a <see cref="SafePaths.IsSafeName"/> and no
    /// symbolic link may lie on the way from the site folder (an index folder is emptied on rebuild).</summary>
    /// <exception cref="InvalidOperationException">The name is not allowed, or the path goes through a link.</exception>
    public string IndexPath(string tenant, string index) =>
        (SafePaths.IsSafeName(index) ? SafePaths.Inside(store.SitePath(tenant), "Lucene/" + index) : null)
        ?? throw new InvalidOperationException($"The index name '{SafePaths.Show(index)}' of tenant '{tenant}' cannot be a folder (or its folder is a symbolic link). {LuceneIndexStep.NameRule}");

    /// <summary>The open index, opened (and checked) on first use; reopened when its analyzer changed.</summary>
    /// <exception cref="Lucene.Net.Store.LockObtainFailedException">Another process holds the index's writer.</exception>
    public LuceneIndex Get(string tenant, string index, LuceneIndexSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var key = (tenant.ToLowerInvariant(), index.ToLowerInvariant());
        if (_indexes.TryGetValue(key, out var open) && SameAnalysis(open.Settings, settings))
        {
            return open;
        }

        lock (_opening)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_indexes.TryGetValue(key, out open))
            {
                if (SameAnalysis(open.Settings, settings))
                {
                    return open;
                }

                _indexes.TryRemove(key, out _);
                open.Dispose();
            }

            open = LuceneIndex.Open(tenant, index, IndexPath(tenant, index), settings, logger);
            _indexes[key] = open;
            return open;
        }
    }

    /// <summary>The index if this process has it open.</summary>
    public LuceneIndex? Find(string tenant, string index) =>
        _indexes.TryGetValue((tenant.ToLowerInvariant(), index.ToLowerInvariant()), out var open) ? open : null;

    /// <summary>Closes the tenant's indexes (e.g. before its folder goes away).</summary>
    public void Close(string tenant)
    {
        lock (_opening)
        {
            foreach (var key in _indexes.Keys.Where(key => string.Equals(key.Tenant, tenant, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                if (_indexes.TryRemove(key, out var index))
                {
                    index.Dispose();
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_opening)
        {
            _disposed = true;
            foreach (var index in _indexes.Values)
            {
                index.Dispose();
            }

            _indexes.Clear();
        }
    }

    // Another analyzer means other terms: the index must be reopened (and is then rebuilt).
    private static bool SameAnalysis(LuceneIndexSettings open, LuceneIndexSettings wanted) =>
        string.Equals(open.AnalyzerName, wanted.AnalyzerName, StringComparison.OrdinalIgnoreCase);
}
