namespace NetvaerkPortal.Tenants;

/// <param name="DatabaseProvider">Sqlite or Postgres; null takes Portal:Database:Provider.</param>
/// <param name="ConnectionString">For PostgreSQL, server and database; null takes Portal:Database:ConnectionString.</param>
public sealed record CreateTenantRequest(string Name, string? Prefix, string? Host, string RecipeName, SetupRequest Setup, string? DatabaseProvider = null, string? ConnectionString = null);

/// <summary>Creates, lists and disables tenants. Creating is all or nothing: when setup fails the
/// entry, the database and the site folder are gone again.</summary>
public sealed class TenantManager(TenantStore store, TenantSetup setup, Audit.ManagingTenantAudit audit, Microsoft.Extensions.Options.IOptions<PortalOptions> options,
    Media.MediaLocations media)
{
    private static readonly SemaphoreSlim CreateLock = new(1, 1);

    public IReadOnlyList<TenantSettings> List() => store.All();

    public async Task<SetupResult> CreateAsync(CreateTenantRequest request, CancellationToken cancellationToken = default)
    {
        await CreateLock.WaitAsync(cancellationToken);
        try
        {
            var tenant = Validate(request);
            // The registry decides when two nodes create the same name at once: the later one fails here, before anything was made.
            store.Add(tenant);
            try
            {
                return await audit.RecordAsync(Audit.AuditActions.TenantCreated, tenant.Name, $"opskrift {request.RecipeName}", () => setup.SetupAsync(tenant, request.Setup, cancellationToken), cancellationToken);
            }
            catch
            {
                store.Remove(tenant.Name);
                throw;
            }
        }
        finally
        {
            CreateLock.Release();
        }
    }

    /// <summary>Sets up a tenant that was registered earlier (e.g. Default on first start); a failed
    /// attempt leaves it Uninitialized, without database or folder.</summary>
    public async Task<SetupResult> SetupExistingAsync(string name, SetupRequest request, CancellationToken cancellationToken = default)
    {
        var tenant = store.Find(name) ?? throw new TenantSetupException("There is no tenant named '{0}'. 'tenants list' shows the tenants.", name);
        if (tenant.State != TenantState.Uninitialized)
        {
            throw new TenantSetupException("Tenant '{0}' is {1}; only an Uninitialized tenant can be set up.", name, tenant.State);
        }

        try
        {
            return await setup.SetupAsync(tenant, request, cancellationToken);
        }
        catch
        {
            store.Save(tenant with { State = TenantState.Uninitialized });
            throw;
        }
    }

    public void Register(TenantSettings tenant) => store.Save(tenant);

    /// <summary>The database a new tenant gets: what the request names, else Portal:Database (SQLite when nothing is set).</summary>
    /// <exception cref="TenantSetupException">The provider is unknown or the connection string cannot work with it.</exception>
    public TenantSettings WithNewDatabase(TenantSettings tenant, string? provider = null, string? connectionString = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var configured = options.Value.Database;
        var chosen = provider ?? configured.Provider;
        // A connection string configured for one engine is not handed to another one named on the command line.
        var connection = connectionString ?? (provider is null || string.Equals(provider.Trim(), configured.Provider, StringComparison.OrdinalIgnoreCase) ? configured.ConnectionString : null);
        var (canonical, checkedConnection) = Data.DatabaseProviders.ForNewTenant(chosen, connection);
        return tenant with { DatabaseProvider = canonical, ConnectionString = checkedConnection };
    }

    public TenantSettings Disable(string name)
    {
        var tenant = store.Find(name) ?? throw new TenantSetupException("There is no tenant named '{0}'. 'tenants list' shows the tenants.", name);
        if (tenant.IsDefault)
        {
            throw new TenantSetupException("The Default tenant manages the others and cannot be disabled.");
        }

        var disabled = tenant with { State = TenantState.Disabled };
        return audit.Record(Audit.AuditActions.TenantDisabled, name, "", () => { store.Save(disabled); return disabled; });
    }

    private TenantSettings Validate(CreateTenantRequest request)
    {
        var problem = TenantNames.CheckName(request.Name)
            ?? (string.IsNullOrEmpty(request.Prefix) && string.IsNullOrEmpty(request.Host) ? new TenantSetupException("Give the tenant a URL prefix (--prefix) or a host (--host).") : null)
            ?? (string.IsNullOrEmpty(request.Prefix) ? null : TenantNames.CheckPrefix(request.Prefix))
            ?? (string.IsNullOrEmpty(request.Host) ? null : TenantNames.CheckHost(request.Host))
            ?? (request.Setup.SiteName is { } siteName && Display.SiteSettingsRules.SiteName(siteName) is { } named ? new TenantSetupException(named.Template, named.Arguments) : null);
        if (problem is not null)
        {
            throw problem;
        }

        var tenant = new TenantSettings
        {
            Name = request.Name,
            State = TenantState.Uninitialized,
            RequestUrlPrefix = request.Prefix?.ToLowerInvariant() ?? "",
            RequestUrlHost = request.Host?.ToLowerInvariant() ?? "",
            RecipeName = request.RecipeName,
        };
        if (TenantRegistryRules.Clash(store.All(), tenant) is { } clash)
        {
            throw clash;
        }

        if (Directory.Exists(store.SitePath(request.Name)))
        {
            throw new TenantSetupException("The folder {0} already exists but no tenant uses it. Move it away or choose another name.", store.SitePath(request.Name));
        }

        // With a shared media root, another tenant's files left there under this name would become the new tenant's.
        if (media.SharedRoot is not null && media.For(request.Name, store.SitePath(request.Name)).FullPath is { } mediaFolder
            && Directory.Exists(mediaFolder) && Directory.EnumerateFileSystemEntries(mediaFolder).Any())
        {
            throw new TenantSetupException("The media folder {0} already exists but no tenant uses it. Move it away or choose another name.", mediaFolder);
        }

        return WithNewDatabase(tenant, request.DatabaseProvider, request.ConnectionString);
    }
}
