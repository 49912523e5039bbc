using System.Text.Json;

namespace NetvaerkPortal.Tenants;

/// <summary>App_Data/tenants.json: the registry of a single node. Writes go to a temporary file that is then renamed over
/// the old one, so a crash never leaves a half-written list; a file changed by another process is read again.</summary>
public sealed class JsonTenantRegistry(string appDataPath) : ITenantRegistry
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
    private static readonly SemaphoreSlim SetupLock = new(1, 1);
    private readonly Lock _lock = new();

    // The list as last read and the file's stamp then, swapped as one: every request reads it, without a lock.
    private volatile Snapshot? _snapshot;

    public string TenantsFile => Path.Combine(appDataPath, "tenants.json");

    public IReadOnlyList<TenantSettings> All()
    {
        var stamp = Stamp();
        if (_snapshot is { } current && current.Stamp == stamp)
        {
            return current.Tenants;
        }

        lock (_lock)
        {
            stamp = Stamp();
            if (_snapshot is not { } fresh || fresh.Stamp != stamp)
            {
                _snapshot = fresh = new Snapshot(Read(), stamp);
            }

            return fresh.Tenants;
        }
    }

    // A missing file has a fixed stamp (1601-01-01), so its empty list is kept as well.
    private DateTime Stamp() => File.GetLastWriteTimeUtc(TenantsFile);

    public void Save(TenantSettings tenant) => Change(list =>
    {
        list.RemoveAll(t => TenantNames.Same(t.Name, tenant.Name));
        list.Add(tenant);
    });

    public void Add(TenantSettings tenant) => Change(list =>
    {
        if (TenantRegistryRules.Clash(list, tenant) is { } clash)
        {
            throw clash;
        }

        list.Add(tenant);
    });

    public void Remove(string name) => Change(list => list.RemoveAll(t => TenantNames.Same(t.Name, name)));

    public void Refresh()
    {
        _snapshot = null;
    }

    public IDisposable HoldSetupLock()
    {
        SetupLock.Wait();
        return new Releaser(() => SetupLock.Release());
    }

    private void Change(Action<List<TenantSettings>> change)
    {
        lock (_lock)
        {
            var list = Read().ToList();
            change(list);
            Directory.CreateDirectory(appDataPath);
            var temporary = TenantsFile + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(new TenantsDocument { Tenants = list }, JsonOptions));
            File.Move(temporary, TenantsFile, overwrite: true);
            _snapshot = new Snapshot(list, Stamp());
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

    private sealed record Snapshot(IReadOnlyList<TenantSettings> Tenants, DateTime Stamp);

    private sealed class TenantsDocument
    {
        public List<TenantSettings> Tenants { get; set; } = [];
    }

    private sealed class Releaser(Action release) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                release();
            }
        }
    }
}
