using System.Collections.Concurrent;
using NetvaerkPortal.Data;
using NetvaerkPortal.Modules;

namespace NetvaerkPortal.Tenants;

/// <summary>The features each tenant enabled, read from its "Features" document once and cached,
/// since every request to a module endpoint asks; forgotten when the tenant changes here or on another node (<see cref="TenantChanges"/>).</summary>
public sealed class TenantFeatures
{
    public const string DocumentName = "Features";
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly ModuleCatalog catalog;
    private readonly TenantChanges changes;

    public TenantFeatures(ModuleCatalog catalog, TenantChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        this.catalog = catalog;
        this.changes = changes;
        changes.Changed += Forget;
    }

    public async Task<IReadOnlySet<string>> GetAsync(string tenantName, SiteDocuments documents, CancellationToken cancellationToken = default)
    {
        if (_cache.TryGetValue(tenantName, out var features))
        {
            return features;
        }

        var document = await documents.GetAsync<FeaturesDocument>(DocumentName, cancellationToken);
        features = new HashSet<string>(catalog.WithDependencies(document.Enabled), StringComparer.OrdinalIgnoreCase);
        _cache[tenantName] = features;
        return features;
    }

    /// <summary>Stages the new feature set (with dependencies) for the caller's SaveChanges; returns it.</summary>
    public async Task<IReadOnlyList<string>> SetAsync(string tenantName, SiteDocuments documents, IEnumerable<string> enabled, CancellationToken cancellationToken = default)
    {
        var withDependencies = catalog.WithDependencies(enabled);
        await documents.SetAsync(DocumentName, new FeaturesDocument { Enabled = [.. withDependencies] }, cancellationToken);
        Forget(tenantName);
        documents.AfterNextSave(() => changes.Announce(tenantName));
        return withDependencies;
    }

    public void Forget(string tenantName) => _cache.TryRemove(tenantName, out _);

    public sealed class FeaturesDocument
    {
        public List<string> Enabled { get; set; } = [];
    }
}
