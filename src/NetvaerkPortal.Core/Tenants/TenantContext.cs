namespace NetvaerkPortal.Tenants;

/// <summary>The tenant of the current request or command, set once per scope by the tenant pipeline.</summary>
public sealed class TenantContext
{
    private TenantSettings? _settings;

    public TenantSettings Settings =>
        _settings ?? throw new InvalidOperationException("No tenant has been selected for this scope.");

    public bool IsResolved => _settings is not null;

    public string Name => Settings.Name;

    /// <summary>App_Data/Sites/{tenant}: the tenant's database, index and media.</summary>
    public string SitePath { get; private set; } = "";

    /// <summary>The path base of the tenant's URLs: "" for host or Default tenants, "/{prefix}" otherwise.</summary>
    public string PathBase => string.IsNullOrEmpty(Settings.RequestUrlPrefix) ? "" : "/" + Settings.RequestUrlPrefix;

    public void Set(TenantSettings settings, string sitePath)
    {
        if (_settings is not null && _settings.Name != settings.Name)
        {
            throw new InvalidOperationException("A scope belongs to one tenant; create a new scope for another tenant.");
        }

        _settings = settings;
        SitePath = sitePath;
    }
}
