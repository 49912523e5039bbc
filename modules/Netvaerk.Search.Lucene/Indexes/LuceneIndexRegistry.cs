using System.Collections.Concurrent;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using NetvaerkPortal.Files;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>Every open index of this process, by tenant and index name: one writer per index per process,
/// so no write.lock is ever waited for; and no index is opened unless this process holds the App_Data's
/// <see cref="IndexWriterProcessLock"/>, so two processes never write one index.</summary>
/// <remarks>An index nobody has searched or written for <see cref="IdleTimeout"/> has its writer and searchers closed
/// (<see cref="LuceneIndex.CloseIfIdle"/>), checked every <see cref="IdleCheckInterval"/>; it stays registered and
/// opens again on its next use.</remarks>
public sealed class LuceneIndexRegistry : IDisposable
{
    /// <summary>How long an index may go unused before its writer and searchers are closed.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How often indexes are checked for idleness.</summary>
    public static readonly TimeSpan IdleCheckInterval = TimeSpan.FromMinutes(1);

    private readonly TenantStore store;
    private readonly ILogger<LuceneIndexRegistry> logger;
    private readonly ConcurrentDictionary<(string Tenant, string Index), LuceneIndex> _indexes = new();
    private readonly ConcurrentDictionary<(string Tenant, string Index), string> _refused = new();
    private readonly System.Threading.Lock _opening = new();
    private readonly IndexWriterProcessLock _processLock;
    private readonly Timer _idleCheck;
    private bool _keepProcessLock;
    private bool _disposed;

    public LuceneIndexRegistry(TenantStore store, ILogger<LuceneIndexRegistry> logger)
    {
        this.store = store;
        this.logger = logger;
        _processLock = new(store.AppDataPath);
        _idleCheck = new Timer(_ => CloseIdle(IdleTimeout), null, IdleCheckInterval, IdleCheckInterval);
    }

    /// <summary>Closes the writer and searchers of every index unused for <paramref name="idleFor"/> (and not being
    /// written); they open again on their next use. Returns how many were closed.</summary>
    public int CloseIdle(TimeSpan idleFor)
    {
        lock (_opening)
        {
            if (_disposed)
            {
                return 0;
            }

            var closed = 0;
            foreach (var index in _indexes.Values)
            {
                try
                {
                    closed += index.CloseIfIdle(idleFor) ? 1 : 0;
                }
                catch (Exception error) when (error is IOException or ObjectDisposedException)
                {
                    // Closing is an economy: an index that cannot close now stays open and is tried again later.
                    logger.LogWarning(error, "The idle search index {Index} of tenant {Tenant} could not be closed", index.Name, index.Tenant);
                }
            }

            return closed;
        }
    }

    /// <summary>How many of the registered indexes have their writer and searchers open.</summary>
    public int OpenCount => _indexes.Values.Count(index => index.IsOpen);

    /// <summary>Takes the App_Data's index-writer lock for as long as this registry lives (the running portal,
    /// or a command that rebuilds). False when another process holds it.</summary>
    public bool HoldWriterLock()
    {
        lock (_opening)
        {
            _keepProcessLock = true;
            return _processLock.TryAcquire();
        }
    }

    /// <summary>Who holds the writer lock, for a message ("process 1234").</summary>
    public string WriterLockHolder() => _processLock.Holder();

    /// <summary>App_Data/Sites/{tenant}/Lucene/{index}; the name must be a <see cref="SafePaths.IsSafeName"/> and no
    /// symbolic link may lie on the way from the site folder (an index folder is emptied on rebuild).</summary>
    /// <exception cref="IndexFolderRefusedException">The name is not allowed, or the path goes through a link (so the
    /// indexer and search treat it like any refused folder: logged once, shown on /admin/search, other indexes go on).</exception>
    public string IndexPath(string tenant, string index) =>
        (SafePaths.IsSafeName(index) ? SafePaths.Inside(store.SitePath(tenant), "Lucene/" + index) : null)
        ?? throw new IndexFolderRefusedException(tenant, SafePaths.Show(index), "Lucene/" + SafePaths.Show(index),
            $"the name cannot be a folder, or a symbolic link lies on the way. {LuceneIndexStep.NameRule}");

    /// <summary>Whether one of the tenant's indexes was left open (a crash): it is opened and checked at startup.</summary>
    public bool LeftOpen(string tenant) => SafePaths.Inside(store.SitePath(tenant), "Lucene") is { } folder && IndexFolder.AnyLeftOpen(folder);

    /// <summary>The open index, opened (and checked) on first use; reopened when its analyzer changed.</summary>
    /// <exception cref="LockObtainFailedException">Another process writes this App_Data's indexes.</exception>
    /// <exception cref="IndexFolderRefusedException">The index's folder holds files the portal did not create.</exception>
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

            if (!_processLock.TryAcquire())
            {
                throw new LockObtainFailedException(
                    $"The search indexes of this App_Data are written by {_processLock.Holder()} ({_processLock.LockPath}).");
            }

            try
            {
                open = LuceneIndex.Open(tenant, index, IndexPath(tenant, index), settings, logger);
            }
            catch (IndexFolderRefusedException refused)
            {
                // Said once, loudly; every later attempt (each indexing tick, each search) fails the same way.
                if (_refused.TryAdd(key, refused.Message))
                {
                    logger.LogError("{Message}", refused.Message);
                }

                throw;
            }

            _refused.TryRemove(key, out _);
            _indexes[key] = open;
            return open;
        }
    }

    /// <summary>Why the index could not be opened (its folder is not the portal's), or null.</summary>
    public string? Refusal(string tenant, string index) =>
        _refused.TryGetValue((tenant.ToLowerInvariant(), index.ToLowerInvariant()), out var why) ? why : null;

    /// <summary>The index if this process has it open.</summary>
    public LuceneIndex? Find(string tenant, string index) =>
        _indexes.TryGetValue((tenant.ToLowerInvariant(), index.ToLowerInvariant()), out var open) ? open : null;

    /// <summary>Closes the writer and searchers of the tenant's indexes (an idle tenant), unless one is searched or written
    /// right now; everything applied was committed by then (a batch commits before it lets go of its lock). They stay
    /// registered and open again on their next use. False when one was in use and stayed open.</summary>
    public bool Release(string tenant)
    {
        lock (_opening)
        {
            var closed = true;
            foreach (var index in _indexes.Values.Where(index => string.Equals(index.Tenant, tenant, StringComparison.OrdinalIgnoreCase)))
            {
                closed &= !index.IsOpen || index.CloseIfIdle(TimeSpan.Zero);
            }

            return closed;
        }
    }

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

            // A process that only opened indexes on the way (a test, a benchmark) lets another one write them now.
            if (_indexes.IsEmpty && !_keepProcessLock)
            {
                _processLock.Release();
            }
        }
    }

    public void Dispose()
    {
        _idleCheck.Dispose();
        lock (_opening)
        {
            _disposed = true;
            foreach (var index in _indexes.Values)
            {
                index.Dispose();
            }

            _indexes.Clear();
            _processLock.Dispose();
        }
    }

    // Another analyzer means other terms: the index must be reopened (and is then rebuilt).
    private static bool SameAnalysis(LuceneIndexSettings open, LuceneIndexSettings wanted) =>
        string.Equals(open.AnalyzerName, wanted.AnalyzerName, StringComparison.OrdinalIgnoreCase);
}
