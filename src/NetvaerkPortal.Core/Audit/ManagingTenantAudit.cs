using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Audit;

/// <summary>Creating and disabling tenants is recorded in the managing (Default) tenant's log. These actions
/// change tenants.json and another tenant's database, not a row of Default's: the entry is written in a
/// transaction of Default's database that is committed only when the action succeeded, so a failed action
/// leaves no entry and a succeeded one cannot miss it.</summary>
public sealed class ManagingTenantAudit(TenantStore store, TenantScopes scopes)
{
    public async Task<T> RecordAsync<T>(string action, string target, string details, Func<Task<T>> perform, CancellationToken cancellationToken = default)
    {
        if (Managing() is not { } managing)
        {
            return await perform();
        }

        await using var scope = scopes.Create(managing);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record(action, target, details);
        await db.SaveChangesAsync(cancellationToken);
        var result = await perform();
        await transaction.CommitAsync(CancellationToken.None);
        return result;
    }

    /// <inheritdoc cref="RecordAsync"/>
    public T Record<T>(string action, string target, string details, Func<T> perform)
    {
        if (Managing() is not { } managing)
        {
            return perform();
        }

        using var scope = scopes.Create(managing);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        using var transaction = db.Database.BeginTransaction();
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record(action, target, details);
        db.SaveChanges();
        var result = perform();
        transaction.Commit();
        return result;
    }

    /// <summary>The Default tenant when it runs; before it is set up (first start) there is no log to write into.</summary>
    private TenantSettings? Managing() =>
        store.Find(TenantSettings.DefaultName) is { State: TenantState.Running } managing ? managing : null;
}
