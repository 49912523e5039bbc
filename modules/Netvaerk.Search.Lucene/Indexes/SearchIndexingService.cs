using Lucene.Net.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>This node's indexer: it holds the App_Data's index-writer lock for the process's life (so a
/// command-line rebuild hands off to it), catches up right after each local write (<see cref="IndexingSignal"/>), and
/// on a timer for writes made by other processes, for the tenants in use (<see cref="TenantActivity"/>): a tenant's
/// indexes are opened (a missing, outdated or damaged one rebuilt in the background while the site serves) within one
/// interval of its first request; at startup only those a crash left open are checked right away.</summary>
public sealed class SearchIndexingService(SearchIndexer indexer, LuceneIndexRegistry registry, IndexingSignal signal, TenantStore store, TenantActivity activity,
    IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<SearchIndexingService> logger) : BackgroundService
{
    /// <summary>Log rows one tenant may apply per tick, so one busy tenant cannot starve the others.</summary>
    public const int MaxEntriesPerTick = 5_000;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!registry.HoldWriterLock())
        {
            // Each tick tries again (LuceneIndexRegistry.Get); until then searches answer "being rebuilt".
            logger.LogError("The search indexes in {AppData} are written by {Holder} (a 'search rebuild' command, or a second portal on the same App_Data); "
                + "this portal indexes and searches once it lets go", store.AppDataPath, registry.WriterLockHolder());
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Tenants are migrated (and the first one set up) while the host starts; their indexes come after.
        try
        {
            await WhenStartedAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Portal:Search:CatchUpSeconds", 5)));
        // At start, besides tenants already asked for, those whose index a crash left open: a damaged one is rebuilt now.
        var tenants = AwakeTenants().Union(RunningTenants().Where(LeftOpen)).ToList();
        foreach (var tenant in tenants)
        {
            // Opened now without a request: released again once idle.
            activity.Touch(tenant.Name);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var tenant in tenants)
            {
                if (!activity.IsAwake(tenant.Name))
                {
                    // Released since the list was made (a pass over a thousand tenants takes a while): catching it up now
                    // would open again what was just let go, with nothing left to release it. Its next request wakes it.
                    continue;
                }

                try
                {
                    var applied = await indexer.CatchUpAsync(tenant, MaxEntriesPerTick, stoppingToken);
                    if (applied >= MaxEntriesPerTick)
                    {
                        // More is waiting: come back without waiting for the timer.
                        signal.Wake(tenant.Name);
                    }
                    else if (applied > 0)
                    {
                        // Maybe another node's write that no signal announced (Redis down): this node's pages of it are stale now.
                        signal.Advance(tenant.Name);
                    }
                }
                catch (LockObtainFailedException)
                {
                    // Another process writes the indexes (said at start); tried again on the next tick.
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // One tenant's broken index or database must not stop the others' search.
                    logger.LogError(error, "Search indexing for tenant {Tenant} failed; it is retried on the next tick", tenant.Name);
                }
            }

            IReadOnlyCollection<string> pulsed;
            try
            {
                pulsed = await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (pulsed.Count == 0)
            {
                tenants = AwakeTenants();
                continue;
            }

            tenants = pulsed.Select(store.Find).OfType<TenantSettings>().Where(t => t.State == TenantState.Running).ToList();
            foreach (var tenant in tenants)
            {
                // A pulse for a tenant nobody asks for here (a write on another node) opens its index: released again when idle.
                activity.Touch(tenant.Name);
            }
        }
    }

    private List<TenantSettings> RunningTenants() => store.All().Where(t => t.State == TenantState.Running).ToList();

    private bool LeftOpen(TenantSettings tenant)
    {
        try
        {
            return registry.LeftOpen(tenant.Name);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or TenantSetupException)
        {
            logger.LogWarning(error, "Could not look at the search indexes of tenant {Tenant}; they are checked on its first request", tenant.Name);
            return false;
        }
    }

    // The timer visits only tenants in use on this node: an idle one is not polled (its database stays closed), and
    // catches up within one interval of its next request.
    private List<TenantSettings> AwakeTenants() =>
        activity.Awake().Select(store.Find).OfType<TenantSettings>().Where(t => t.State == TenantState.Running).ToList();

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        return started.Task;
    }
}
