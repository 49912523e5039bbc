using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace NetvaerkPortal.Nodes;

/// <summary>The anonymous page cache (<see cref="Display.AnonymousPageCache"/>) kept in an <see cref="IDistributedCache"/>
/// (Redis) instead of each node's memory. A cache that cannot be reached is a miss, and a page that cannot be stored is
/// simply not stored: Redis being away never fails a request.</summary>
public sealed class DistributedPageStore(IDistributedCache cache, ILogger<DistributedPageStore> logger) : IOutputCacheStore
{
    private int _outage;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var value = await cache.GetAsync(key, cancellationToken);
            Interlocked.Exchange(ref _outage, 0);
            return value;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Unreachable(error);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await cache.SetAsync(key, value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = validFor }, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Unreachable(error);
        }
    }

    /// <summary>Nothing to do: every key carries the tenant's content generation, and entries expire by themselves.</summary>
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private void Unreachable(Exception error)
    {
        if (Interlocked.Exchange(ref _outage, 1) == 0)
        {
            logger.LogWarning("The page cache in Redis cannot be reached ({Error}); pages are rendered afresh until it returns", error.Message);
        }
    }
}
