namespace NetvaerkPortal.Tenants;

/// <summary>Lets go of what one idle tenant holds in this process (connections, open files, caches). Everything released
/// must open again by itself on the tenant's next use; a release runs while requests to other tenants go on, and may
/// overlap the tenant's own next request.</summary>
public interface ITenantRelease
{
    /// <summary>False when something is in use right now and was kept; the release is tried again later.</summary>
    bool Release(TenantSettings tenant, string sitePath);
}
