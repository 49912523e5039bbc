using System.Text.Json;
using Microsoft.Extensions.Options;
using NetvaerkPortal.Files;

namespace NetvaerkPortal.Tenants;

/// <summary>Reads and writes App_Data/tenants.json. Writes go to a temporary file that is then renamed
/// over the old one, so a crash never leaves a half-written list.</summary>
public sealed class TenantStore
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
    private readonly Lock _lock = new();
    private IReadOnlyList<TenantSettings>? _cache;
    private DateTime _cacheStamp;

    public TenantStore(IOptions<PortalOptions> options, Microsoft.Extensions.Hosting.IHostEnvironment environment)
    {
        AppDataPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.AppDataPath));
    }

    public string AppDataPath { get; }

    public string TenantsFile => Path.Combine(AppDataPath, "tenants.json");

    public string SitesPath => Path.Combine(AppDataPath, "Sites");

    /// <summary>App_Data/Sites/{tenant}. The name must be a safe folder name (<see cref="TenantNames.CheckName"/>) and
    /// the folder no symbolic link, whatever tenants.json says: everything the tenant writes goes below it.</summary>
    /// <exception cref="TenantSetupException">The name cannot be a folder here.</exception>
    public string SitePath(string tenantName) =>
        (TenantNames.CheckName(tenantName) is null ? SafePaths.Child(SitesPath, tenantName) : null)
        ?? throw new TenantSetupException("The tenant name '{0}' cannot be a folder in {1} (not an allowed name, or its folder is a symbolic link). Fix the name in tenants.json.", SafePaths.Show(tenantName), SitesPath);

    public IReadOnlyList<TenantSettings> All()
    {
        lock (_lock)
        {
            var stamp = File.Exists(TenantsFile) ? File.GetLastWriteTimeUtc(TenantsFile) : DateTime.MinValue;
            if (_cache is null || stamp != _cacheStamp)
            {
                _cache = Read();
                _cacheStamp = stamp;
            }

            return _cache;
        }
    }

    public TenantSettings? Find(string name) =>
        All().FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds or replaces the tenant with the same name.</summary>
    public void Save(TenantSettings tenant) => Change(list =>
    {
        list.RemoveAll(t => string.Equals(t.Name, tenant.Name, StringComparison.OrdinalIgnoreCase));
        list.Add(tenant);
    });

    public void Remove(string name) => Change(list =>
        list.RemoveAll(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)));

    private void Change(Action<List<TenantSettings>> change)
    {
        lock (_lock)
        {
            var list = Read().ToList();
            change(list);
            Directory.CreateDirectory(AppDataPath);
            var temporary = TenantsFile + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(new TenantsDocument { Tenants = list }, JsonOptions));
            File.Move(temporary, TenantsFile, overwrite: true);
            _cache = list;
            _cacheStamp = File.GetLastWriteTimeUtc(TenantsFile);
        }
    }

    private List<TenantSettings> Read()
    {
        if (!File.Exists(TenantsFile))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<TenantsDocument>(File.ReadAllText(TenantsFile))?.Tenants ?? [];
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException(
                $"{TenantsFile} is not valid JSON (line {error.LineNumber + 1}): {error.Message} Fix or restore the file.", error);
        }
    }

    private sealed class TenantsDocument
    {
        public List<TenantSettings> Tenants { get; set; } = [];
    }
}
