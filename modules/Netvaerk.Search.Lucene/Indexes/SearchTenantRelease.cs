using NetvaerkPortal.Tenants;

namespace Netvaerk.Search.Lucene.Indexes;

/// <summary>Search's part of releasing an idle tenant: its index writers and searchers (and their files), and its
/// search configuration. The indexer and the next search open them again.</summary>
public sealed class SearchTenantRelease(LuceneIndexRegistry registry, SearchConfigurations configurations) : ITenantRelease
{
    public bool Release(TenantSettings tenant, string sitePath)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        configurations.Forget(tenant.Name);
        return registry.Release(tenant.Name);
    }
}
