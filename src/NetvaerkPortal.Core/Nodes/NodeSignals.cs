using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetvaerkPortal.Indexing;
using NetvaerkPortal.Tenants;
using StackExchange.Redis;

namespace NetvaerkPortal.Nodes;

/// <summary>Tells the other nodes, through Redis pub/sub, what happened here: content written (their indexers catch up now,
/// their page caches move on) and a tenant changed (they read the registry again and forget what they cached of it).
/// What arrives from another node is applied here and never published again; a node's own messages are ignored.</summary>
/// <remarks>Signals are a shortcut, not the truth: with Redis away each node catches up from the database on its timer
/// (<c>Portal:Search:CatchUpSeconds</c>) and from the registry's poll, and the signals resume when Redis returns.</remarks>
public sealed class NodeSignals(RedisConnection redis, IndexingSignal indexing, TenantChanges tenants, TenantStore store, ILogger<NodeSignals> logger)
    : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("netvaerk:signals");

    private const string ContentWritten = "content";
    private const string TenantChanged = "tenant";
    private readonly Lock _subscribing = new();
    private bool _subscribed;
    private int _outage;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        indexing.Pulsed += OnContentWritten;
        tenants.Announced += OnTenantChanged;
        redis.Multiplexer.ConnectionRestored += (_, _) => Subscribe();
        Subscribe();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        indexing.Pulsed -= OnContentWritten;
        tenants.Announced -= OnTenantChanged;
        return Task.CompletedTask;
    }

    /// <summary>Applies one message from the channel: "{node}|{kind}|{tenant}". Anything else is ignored.</summary>
    public void Receive(string? message)
    {
        var parts = message?.Split('|');
        if (parts is not [var node, var kind, var tenant] || node == indexing.Node || TenantNames.CheckName(tenant) is not null)
        {
            return;
        }

        switch (kind)
        {
            case ContentWritten:
                indexing.Wake(tenant);
                break;
            case TenantChanged:
                store.Registry.Refresh();
                tenants.Heard(tenant);
                break;
        }
    }

    private void OnContentWritten(string tenant) => Publish(ContentWritten, tenant);

    private void OnTenantChanged(string tenant) => Publish(TenantChanged, tenant);

    private void Publish(string kind, string tenant)
    {
        try
        {
            redis.Multiplexer.GetSubscriber().Publish(Channel, $"{indexing.Node}|{kind}|{tenant}", CommandFlags.FireAndForget);
            Interlocked.Exchange(ref _outage, 0);
        }
        catch (Exception error) when (error is RedisException or TimeoutException or ObjectDisposedException)
        {
            // The other nodes catch up by their timers; said once per outage.
            if (Interlocked.Exchange(ref _outage, 1) == 0)
            {
                logger.LogWarning("Redis cannot be reached ({Error}); the other nodes catch up on their timers until it returns", error.Message);
            }
        }
    }

    /// <summary>Subscribes once; Redis restores a subscription after a reconnect, so this is only tried again until it has worked.</summary>
    private void Subscribe()
    {
        lock (_subscribing)
        {
            if (_subscribed)
            {
                return;
            }

            try
            {
                redis.Multiplexer.GetSubscriber().Subscribe(Channel, (_, message) => Receive(message));
                _subscribed = true;
            }
            catch (Exception error) when (error is RedisException or TimeoutException)
            {
                logger.LogWarning("Redis cannot be reached to listen for the other nodes ({Error}); tried again when it returns", error.Message);
            }
        }
    }
}
