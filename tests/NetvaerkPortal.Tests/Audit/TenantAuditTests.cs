using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Audit;

/// <summary>Creating and disabling organisations is recorded in the managing (Default) tenant's log, once, and
/// only when it succeeded.</summary>
public sealed class TenantAuditTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _portal = new();

    public Task InitializeAsync()
    {
        _ = _portal.Server; // starts the host, which sets up Default
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Creating_and_disabling_an_organisation_are_recorded_in_the_default_tenants_log_and_a_failed_creation_is_not()
    {
        using var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);

        var created = await admin.SubmitAsync("/admin/tenants", Organisation("Formaend", "formaend"));
        var refused = await admin.SubmitAsync("/admin/tenants", Organisation("Api", "api"));
        var disabled = await admin.SubmitAsync("/admin/tenants", new Dictionary<string, string> { ["name"] = "Formaend" }, "/admin/tenants?handler=Disable");
        var defaultRefused = await admin.SubmitAsync("/admin/tenants", new Dictionary<string, string> { ["name"] = "Default" }, "/admin/tenants?handler=Disable");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, defaultRefused.StatusCode);
        var entries = await EntriesAsync(TenantSettings.DefaultName, e => e.Action == AuditActions.TenantCreated || e.Action == AuditActions.TenantDisabled);
        Assert.Equal([(AuditActions.TenantCreated, "Formaend"), (AuditActions.TenantDisabled, "Formaend")], entries.Select(e => (e.Action, e.Target)));
        Assert.All(entries, e => Assert.Equal("admin", e.Actor));
        Assert.Contains("ftf-formaend", entries[0].Details, StringComparison.Ordinal);

        // The new organisation's own log has its setup recipe, run by the same administrator.
        var setup = Assert.Single(await EntriesAsync("Formaend", e => e.Action == AuditActions.RecipeRun));
        Assert.Equal(("ftf-formaend", "admin"), (setup.Target, setup.Actor));
    }

    [Fact]
    public async Task A_tenant_whose_setup_fails_leaves_no_entry_in_the_default_tenants_log()
    {
        var recipe = Path.Combine(_portal.AppData.Path, "fejl.recipe.json");
        await File.WriteAllTextAsync(recipe, """
            {"name": "fejl", "steps": [{"name": "content", "data": [{"ContentItemId": "fejl1", "ContentType": "Ukendt", "TitlePart": {"Title": "x"}}]}]}
            """);

        await Assert.ThrowsAnyAsync<Exception>(() => _portal.Tenants.CreateAsync(new CreateTenantRequest("Fejl", "fejl", null, recipe,
            new SetupRequest("admin", "admin@example.test", PortalTestHost.AdminPassword))));

        Assert.Null(_portal.Store.Find("Fejl"));
        Assert.Empty(await EntriesAsync(TenantSettings.DefaultName, e => e.Target == "Fejl"));
    }

    private static Dictionary<string, string> Organisation(string name, string prefix) => new()
    {
        ["Input.SiteName"] = "Formandsnetværket",
        ["Input.Name"] = name,
        ["Input.Prefix"] = prefix,
        ["Input.Recipe"] = "ftf-formaend",
        ["Input.AdminUserName"] = "formand",
        ["Input.AdminEmail"] = "formand@example.dk",
        ["Input.AdminPassword"] = "Formand-Kodeord-1",
    };

    private async Task<List<AuditEntry>> EntriesAsync(string tenantName, System.Linq.Expressions.Expression<Func<AuditEntry, bool>> filter)
    {
        // Reading a disabled tenant's database directly: its data is kept, only its URLs answer 404.
        var tenant = _portal.Store.Find(tenantName)!;
        await using var scope = _portal.Services.GetRequiredService<TenantScopes>().Create(tenant);
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking().Where(filter).OrderBy(e => e.Id).ToListAsync();
    }
}
