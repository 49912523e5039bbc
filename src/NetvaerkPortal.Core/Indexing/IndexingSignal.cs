using System.Collections.Concurrent;

namespace NetvaerkPortal.Indexing;

/// <summary>Tells this node's indexers that a tenant's indexing log has grown: pulsed by every content
/// write after it commits, so the index catches up right away instead of on its next timer tick.</summary>
/// <remarks>A pulse carries no data; the log is the truth. Pulses that arrive while nobody waits are
/// kept (one per tenant), so a write between two catch-ups is never missed.</remarks>
public sealed class IndexingSignal : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>A number that changes whenever this node pulses the tenant: what was rendered from its
    /// content at one generation is stale at the next (see the anonymous page cache).</summary>
    public long Generation(string tenantName) => _generations.GetValueOrDefault(tenantName);

    public void Pulse(string tenantName)
    {
        _generations.AddOrUpdate(tenantName, 1, (_, generation) => generation + 1);
        _pending[tenantName] = 0;
        // At most one release is outstanding; a second pulse before the waiter wakes adds nothing.
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another pulse released it between the check and the release: the waiter wakes either way.
        }
    }

    /// <summary>Waits until a pulse or the timeout; returns the tenants pulsed since the last call (maybe none).</summary>
    public async Task<IReadOnlyCollection<string>> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_pending.IsEmpty)
        {
            await _wake.WaitAsync(timeout, cancellationToken);
        }

        var tenants = new List<string>();
        foreach (var tenant in _pending.Keys)
        {
            if (_pending.TryRemove(tenant, out _))
            {
                tenants.Add(tenant);
            }
        }

        return tenants;
    }

    public void Dispose() => _wake.Dispose();
}
