using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NetvaerkPortal.Tenants;

/// <summary>Releases what idle tenants hold (<see cref="ITenantRelease"/>): a node with a thousand tenants keeps
/// connections, index files and caches only for the ones in use. The next request opens them again.</summary>
public sealed class IdleTenantRelease(TenantActivity activity, TenantStore store, IServiceProvider services, IConfiguration configuration,
    ILogger<IdleTenantRelease> logger) : BackgroundService
{
    /// <summary>Releases every tenant unused for <paramref name="idleFor"/>; returns their names. A tenant whose release
    /// found something in use stays awake and is tried again on the next round.</summary>
    public IReadOnlyList<string> ReleaseIdle(TimeSpan idleFor)
    {
        var releases = services.GetServices<ITenantRelease>().ToList();
        var released = new List<string>();
        foreach (var name in activity.TakeIdle(idleFor))
        {
            var tenant = store.Find(name);
            if (tenant is null)
            {
                continue;
            }

            var complete = true;
            foreach (var release in releases)
            {
                try
                {
                    complete &= release.Release(tenant, store.SitePath(tenant.Name));
                }
                catch (Exception error) when (error is IOException or ObjectDisposedException or InvalidOperationException)
                {
                    // Releasing is an economy: what could not be let go now stays open, and the tenant is tried again later.
                    logger.LogWarning(error, "Releasing idle tenant {Tenant} failed in {Release}", name, release.GetType().Name);
                    complete = false;
                }
            }

            if (complete)
            {
                released.Add(name);
            }
            else
            {
                activity.StillAwake(name);
            }
        }

        return released;
    }

    private TenantIdleOptions _options = new(TimeSpan.Zero);

    // A wrong setting stops the start with its message, rather than leaving every tenant open unnoticed.
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _options = TenantIdleOptions.From(configuration);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = _options;
        if (!options.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.CheckEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var released = ReleaseIdle(options.IdleFor);
                if (released.Count > 0)
                {
                    logger.LogDebug("Released {Count} idle tenants", released.Count);
                    // What they held is garbage now; without a compacting collection the process keeps the memory it
                    // reached when they were all in use. At most once per check, and only after a release.
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
