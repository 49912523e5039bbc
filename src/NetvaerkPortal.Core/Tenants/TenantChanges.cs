namespace NetvaerkPortal.Tenants;

/// <summary>Says that a tenant changed (created, disabled, its features or settings), so that whatever this node keeps
/// about it is forgotten and read again. <see cref="Announce"/> is for changes made here (other nodes hear of them
/// through Redis, when configured); <see cref="Heard"/> is for changes another node or the registry reported.</summary>
public sealed class TenantChanges
{
    /// <summary>Every change, wherever it was made: the per-node caches listen here.</summary>
    public event Action<string>? Changed;

    /// <summary>Only changes made on this node: the cross-node signal publishes these (and never what it heard).</summary>
    public event Action<string>? Announced;

    public void Announce(string tenantName)
    {
        Changed?.Invoke(tenantName);
        Announced?.Invoke(tenantName);
    }

    public void Heard(string tenantName) => Changed?.Invoke(tenantName);
}
