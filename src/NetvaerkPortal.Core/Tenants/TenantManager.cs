namespace NetvaerkPortal.Tenants;

public sealed record CreateTenantRequest(string Name, string? Prefix, string? Host, string RecipeName, SetupRequest Setup);

/// <summary>Creates, lists and disables tenants. Creating is all or nothing: when setup fails the
/// entry, the database and the site folder are gone again.</summary>
public sealed class TenantManager(TenantStore store, TenantSetup setup, Audit.ManagingTenantAudit audit, Media.MediaLocations media)
{
    private static readonly SemaphoreSlim CreateLock = new(1, 1);

    public IReadOnlyList<TenantSettings> List() => store.All();

    public async Task<SetupResult> CreateAsync(CreateTenantRequest request, CancellationToken cancellationToken = default)
    {
        await CreateLock.WaitAsync(cancellationToken);
        try
        {
            var tenant = Validate(request);
            store.Save(tenant);
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

        foreach (var other in store.All())
        {
            if (string.Equals(other.Name, request.Name, StringComparison.OrdinalIgnoreCase))
            {
                throw new TenantSetupException("A tenant named '{0}' already exists. Choose another name.", other.Name);
            }

            if (!string.IsNullOrEmpty(request.Prefix) && string.Equals(other.RequestUrlPrefix, request.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                throw new TenantSetupException("The prefix '{0}' is already used by tenant '{1}'. Choose another prefix.", request.Prefix, other.Name);
            }

            if (!string.IsNullOrEmpty(request.Host) && string.Equals(other.RequestUrlHost, request.Host, StringComparison.OrdinalIgnoreCase))
            {
                throw new TenantSetupException("The host '{0}' is already used by tenant '{1}'. Choose another host.", request.Host, other.Name);
            }
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

        return new TenantSettings
        {
            Name = request.Name,
            State = TenantState.Uninitialized,
            RequestUrlPrefix = request.Prefix?.ToLowerInvariant() ?? "",
            RequestUrlHost = request.Host?.ToLowerInvariant() ?? "",
            RecipeName = request.RecipeName,
        };
    }
}
