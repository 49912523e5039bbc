using Microsoft.AspNetCore.Http;

namespace NetvaerkPortal.Tenants;

/// <summary>Chooses the tenant for a request: by host name, else by first path segment, else Default.</summary>
public sealed class TenantResolver(TenantStore store)
{
    public TenantMatch? Resolve(HostString host, PathString path)
    {
        var tenants = store.All();
        // A tenant's host may carry a port (TenantNames allows "name:port"): try the host with its port first.
        var byHost = tenants.FirstOrDefault(t => HostIs(t, host.Value)) ?? tenants.FirstOrDefault(t => HostIs(t, host.Host));

        var segment = FirstSegment(path);
        var byPrefix = segment is null
            ? null
            : tenants.FirstOrDefault(t =>
                t.RequestUrlPrefix.Length > 0 && string.Equals(t.RequestUrlPrefix, segment, StringComparison.OrdinalIgnoreCase)
                && (t.RequestUrlHost.Length == 0 || byHost == t));

        if (byPrefix is not null)
        {
            return new TenantMatch(byPrefix, "/" + byPrefix.RequestUrlPrefix);
        }

        if (byHost is not null)
        {
            return new TenantMatch(byHost, "");
        }

        // A host that names no tenant gets nothing when any tenant is bound to hosts only through
        // its host; the Default tenant serves every other request.
        var fallback = tenants.FirstOrDefault(t => t.IsDefault && t.RequestUrlHost.Length == 0);
        return fallback is null ? null : new TenantMatch(fallback, "");
    }

    private static bool HostIs(TenantSettings tenant, string? host) =>
        tenant.RequestUrlHost.Length > 0 && string.Equals(tenant.RequestUrlHost, host, StringComparison.OrdinalIgnoreCase);

    private static string? FirstSegment(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || value == "/")
        {
            return null;
        }

        var end = value.IndexOf('/', 1);
        return end < 0 ? value[1..] : value[1..end];
    }
}

public sealed record TenantMatch(TenantSettings Tenant, string PathBase);
