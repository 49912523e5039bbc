using Microsoft.Extensions.Options;
using NetvaerkPortal.Files;

namespace NetvaerkPortal.Tenants;

/// <summary>The tenants and where their files live. The list itself is kept by an <see cref="ITenantRegistry"/>:
/// App_Data/tenants.json by default, PostgreSQL's host schema when <c>Portal:Database:Provider</c> is Postgres.
/// Every change made through here is announced (<see cref="TenantChanges"/>), so caches here and on other nodes let go.</summary>
public sealed class TenantStore
{
    private readonly TenantChanges _changes;

    /// <summary>The single-node store on App_Data/tenants.json, without cross-node signals (tests, tools).</summary>
    public TenantStore(IOptions<PortalOptions> options, Microsoft.Extensions.Hosting.IHostEnvironment environment)
        : this(options, environment, null, new TenantChanges())
    {
    }

    public TenantStore(IOptions<PortalOptions> options, Microsoft.Extensions.Hosting.IHostEnvironment environment, ITenantRegistry? registry, TenantChanges changes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        AppDataPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.AppDataPath));
        Registry = registry ?? new JsonTenantRegistry(AppDataPath);
        _changes = changes;
    }

    public string AppDataPath { get; }

    public ITenantRegistry Registry { get; }

    public string TenantsFile => Path.Combine(AppDataPath, "tenants.json");

    public string SitesPath => Path.Combine(AppDataPath, "Sites");

    /// <summary>App_Data/Sites/{tenant}. The name must be a safe folder name (<see cref="TenantNames.CheckName"/>) and
    /// the folder no symbolic link, whatever tenants.json says: everything the tenant writes goes below it.</summary>
    /// <exception cref="TenantSetupException">The name cannot be a folder here.</exception>
    public string SitePath(string tenantName) =>
        (TenantNames.CheckName(tenantName) is null ? SafePaths.Child(SitesPath, tenantName) : null)
        ?? throw new TenantSetupException("The tenant name '{0}' cannot be a folder in {1} (not an allowed name, or its folder is a symbolic link). Fix the name in tenants.json.", SafePaths.Show(tenantName), SitesPath);

    public IReadOnlyList<TenantSettings> All() => Registry.All();

    public TenantSettings? Find(string name) => All().FirstOrDefault(t => TenantNames.Same(t.Name, name));

    /// <summary>Adds or replaces the tenant with the same name.</summary>
    public void Save(TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        Registry.Save(tenant);
        _changes.Announce(tenant.Name);
    }

    /// <summary>Adds a new tenant; throws <see cref="TenantSetupException"/> (and adds nothing) when its name, prefix or
    /// host is taken, also when another node took it a moment ago.</summary>
    public void Add(TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        Registry.Add(tenant);
        _changes.Announce(tenant.Name);
    }

    public void Remove(string name)
    {
        Registry.Remove(name);
        _changes.Announce(name);
    }
}
