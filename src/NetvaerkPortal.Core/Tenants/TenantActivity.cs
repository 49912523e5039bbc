using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace NetvaerkPortal.Tenants;

/// <summary>Which tenants this process is serving now. A tenant wakes with its first request (after start, or after it
/// was released for being idle); its schema is brought up to date once per process, then, not at host start, so a node
/// with a thousand tenants opens only the databases that are asked for.</summary>
public sealed class TenantActivity(TenantScopes scopes, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, long> _lastUsed = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<Task>> _migrated = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Marks the tenant in use now, and migrates its database on its first request in this process (concurrent
    /// first requests wait for the same migration; a failed one is tried again by the next request).</summary>
    public Task EnterAsync(TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        _lastUsed[tenant.Name] = clock.GetTimestamp();
        var migration = _migrated.GetOrAdd(tenant.Name, _ => new Lazy<Task>(() => MigrateAsync(tenant)));
        return migration.Value.IsCompletedSuccessfully ? Task.CompletedTask : WaitForMigrationAsync(tenant.Name, migration);
    }

    /// <summary>Marks the tenant in use without a request (indexing after a write signalled by another node), so that
    /// what this opened is released again once it is idle.</summary>
    public void Touch(string tenantName) => _lastUsed[tenantName] = clock.GetTimestamp();

    /// <summary>Whether the tenant has been used since it was last released (or since start).</summary>
    public bool IsAwake(string tenantName) => _lastUsed.ContainsKey(tenantName);

    /// <summary>The tenants in use now.</summary>
    public IReadOnlyCollection<string> Awake() => [.. _lastUsed.Keys];

    /// <summary>Takes the tenants unused for <paramref name="idleFor"/> out of the awake ones and returns them: the caller
    /// releases what they hold. A tenant used again in between stays awake (its stamp changed, so it is not taken).</summary>
    public IReadOnlyList<string> TakeIdle(TimeSpan idleFor)
    {
        var taken = new List<string>();
        var now = clock.GetTimestamp();
        foreach (var (name, stamp) in _lastUsed)
        {
            if (clock.GetElapsedTime(stamp, now) >= idleFor && _lastUsed.TryRemove(new KeyValuePair<string, long>(name, stamp)))
            {
                taken.Add(name);
            }
        }

        return taken;
    }

    /// <summary>Puts back a tenant whose release kept something in use, so the next round tries again.</summary>
    public void StillAwake(string tenantName) => _lastUsed.TryAdd(tenantName, 0);

    /// <summary>After a tenant's database was set up or replaced in this process: its next request checks the schema again.</summary>
    public void ForgetSchema(string tenantName) => _migrated.TryRemove(tenantName, out _);

    private async Task WaitForMigrationAsync(string tenantName, Lazy<Task> migration)
    {
        try
        {
            await migration.Value;
        }
        catch
        {
            _migrated.TryRemove(new KeyValuePair<string, Lazy<Task>>(tenantName, migration));
            throw;
        }
    }

    // Not the request's scope or token: a migration that has begun finishes for whoever waits for it.
    private async Task MigrateAsync(TenantSettings tenant)
    {
        await Task.Yield();
        await using var scope = scopes.Create(tenant);
        await TenantSetup.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
    }
}
