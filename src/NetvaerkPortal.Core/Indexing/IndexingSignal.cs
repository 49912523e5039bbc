using System.Collections.Concurrent;

namespace NetvaerkPortal.Indexing;

/// <summary>Tells this node's indexers that a tenant's indexing log has grown: pulsed by every content
/// write after it commits, so the index catches up right away instead of on its next timer tick.</summary>
/// <remarks>A pulse carries no data; the log is the truth. Pulses that arrive while nobody waits are
/// kept (one per tenant), so a write between two catch-ups is never missed. With several nodes a local pulse is also
/// published (<see cref="Pulsed"/>), and a peer's arrives as <see cref="Wake"/>, which publishes nothing (no echo).</remarks>
public sealed class IndexingSignal : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>This node's name for its generations: two nodes count their own, so a number means something only with it.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Content of this tenant was written here: raised after <see cref="Pulse"/>, for the other nodes.</summary>
    public event Action<string>? Pulsed;

    /// <summary>A number that changes whenever this node learns that the tenant's content changed (its own write, a peer's
    /// signal, or a catch-up that found rows): what was rendered at one generation is stale at the next (see the anonymous
    /// page cache).</summary>
    public long Generation(string tenantName) => _generations.GetValueOrDefault(tenantName);

    /// <summary>After a local write commits: wakes this node's indexer and tells the other nodes.</summary>
    public void Pulse(string tenantName)
    {
        Wake(tenantName);
        Pulsed?.Invoke(tenantName);
    }

    /// <summary>A catch-up found rows nobody pulsed (written on another node): pages rendered before are stale.</summary>
    public void Advance(string tenantName) => _generations.AddOrUpdate(tenantName, 1, (_, generation) => generation + 1);

    /// <summary>Wakes this node's indexer for the tenant without telling anyone (a peer's write, or more work waiting).</summary>
    public void Wake(string tenantName)
    {
        Advance(tenantName);
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
