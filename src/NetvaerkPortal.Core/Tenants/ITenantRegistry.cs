namespace NetvaerkPortal.Tenants;

/// <summary>Where the list of tenants lives: App_Data/tenants.json on one node (<see cref="JsonTenantRegistry"/>), a host
/// schema in PostgreSQL when several nodes share it (<see cref="PostgresTenantRegistry"/>). <see cref="TenantStore"/> is
/// the one way in; this is the storage behind it.</summary>
public interface ITenantRegistry
{
    /// <summary>The tenants as this node knows them now (cheap: called on every request).</summary>
    IReadOnlyList<TenantSettings> All();

    /// <summary>Adds or replaces the tenant with the same name.</summary>
    void Save(TenantSettings tenant);

    /// <summary>Adds a tenant whose name, prefix and host nobody uses; when another node (or request) was first, throws a
    /// <see cref="TenantSetupException"/> and adds nothing.</summary>
    void Add(TenantSettings tenant);

    void Remove(string name);

    /// <summary>Reads the list again now (another node said it changed) instead of at the next poll.</summary>
    void Refresh();

    /// <summary>Held while the first start sets up the Default tenant, so two nodes starting at once do not both set it up.</summary>
    IDisposable HoldSetupLock();
}
